import { maskValue } from './mask-value';

describe('maskValue', () => {
  it('keeps the domain of an e-mail and the first character of its local part', () => {
    expect(maskValue('email', 'jane@example.com')).toBe('j***@example.com');
    expect(maskValue('email', 'j@x.io')).toBe('j***@x.io');
  });

  it('keeps a phone number’s country prefix and last two digits, and its length', () => {
    expect(maskValue('phone', '+4512345678')).toBe('+45******78');
    expect(maskValue('phone', '12345678')).toBe('******78');
    expect(maskValue('phone', '1234')).toBe('****');
  });

  it('keeps the first character of other text, whole code points included', () => {
    expect(maskValue('text', 'Jane Doe')).toBe('J***');
    expect(maskValue('url', 'https://example.com/x')).toBe('h***');
    expect(maskValue('textarea', '😀 smile')).toBe('😀***');
  });

  it('gives the same value when a masked value is masked again', () => {
    for (const [type, value] of [
      ['email', 'jane@example.com'],
      ['phone', '+4512345678'],
      ['phone', '123'],
      ['text', 'Jane'],
    ] as const) {
      const once = maskValue(type, value);
      expect(maskValue(type, once)).toBe(once);
    }
  });

  it('leaves empty and absent values alone and never shows a value of another kind', () => {
    expect(maskValue('text', '')).toBe('');
    expect(maskValue('text', null)).toBeNull();
    expect(maskValue('text', undefined)).toBeUndefined();
    expect(maskValue('text', 12345)).toBe('***');
  });
});
