import { describe, expect, it } from '@jest/globals';
import { bodyPreview, reasonText } from './body-preview';

describe('quarantine body preview', () => {
  it('shows the post as its JSON text', () => {
    expect(bodyPreview({ name: 'Jane', consent: true })).toBe('{"name":"Jane","consent":true}');
    expect(bodyPreview('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
    expect(bodyPreview(null)).toBe('(empty)');
  });

  it('cuts a long post to the preview length', () => {
    const preview = bodyPreview({ notes: 'x'.repeat(500) }, 50);
    expect(preview).toHaveLength(50);
    expect(preview.endsWith('…')).toBe(true);
  });

  it('says why in words, and keeps a reason it does not know', () => {
    expect(reasonText('missing_token')).toBe('No token');
    expect(reasonText('something_new')).toBe('something_new');
  });
});
