import { escapeHtml } from './html-template';
import { renderDocsPage } from './html';
import { CAMPAIGN, campaignDocs, PARTNER_FILTER, READ, tokenInput, WRITE } from './testing/fixtures';

/** The page with insignificant whitespace between tags removed, for structural assertions. */
const flat = (page: string) => page.replace(/>\s+</g, '><').replace(/\s+/g, ' ');

describe('renderDocsPage', () => {
  it('shows base URL, auth, fields, selects with the pinned value, statuses and relations', () => {
    const page = flat(renderDocsPage(tokenInput(READ), '/docs/p/key'));
    expect(page).toContain('<code>https://api.example.com</code>');
    expect(page).toContain('Authorization: Bearer &lt;your token&gt;');
    expect(page).toMatch(
      /<code>email<\/code><\/td><td>E-mail<\/td><td>string, e-mail address<\/td><td><strong>required/,
    );
    expect(page).toMatch(
      /<code>SELECT_PARTNER<\/code> Partner ABC <span class="pinned">the only value: filled in automatically/,
    );
    expect(page).not.toContain('VENDOR_NORTH');
    expect(page).toContain('<code>won</code> Won');
    expect(page).toContain('<code>inst_1</code> Installer A');
    expect(page).toContain('href="/docs/p/key/openapi.json"');
    expect(page).toContain('RateLimit-Remaining');
    expect(page).not.toContain('<script');
  });

  it('shows only the operations the scopes allow, with curl and JavaScript examples', () => {
    const read = flat(renderDocsPage(tokenInput(READ), '/docs/p/key'));
    expect(read).not.toMatch(/>POST</);
    expect(read).not.toMatch(/>PATCH</);
    expect(read).toContain('curl -X GET');
    const write = flat(renderDocsPage(tokenInput(WRITE), '/docs/p/key'));
    expect(write).toContain('>POST</span><code>/v1/campaigns/cmp_heat/leads</code>');
    expect(write).toContain('>PATCH<');
    expect(write).toContain('const response = await fetch(');
    expect(write).toContain('<code>updated_since</code>');
  });

  it('escapes everything that comes from the schema', () => {
    const hostile = {
      ...CAMPAIGN,
      name: '<script>alert(1)</script>',
      fields: [{ key: 'name', label: '"><img src=x onerror=alert(1)>', type: 'text' as const, required: true }],
    };
    const page = renderDocsPage(
      { ...tokenInput(WRITE, [campaignDocs(PARTNER_FILTER, hostile)]), title: '<b>x</b>' },
      '/docs/p/key',
    );
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<b>x</b>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});
