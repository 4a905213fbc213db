import { createHash } from 'node:crypto';
import { CAMPAIGN, campaignDocs, READ, tokenInput, WRITE } from '@leadgate/api-docs/testing/fixtures';
import { OPERATION_KINDS } from '@leadgate/api-docs/operations';
import { renderDocsPage } from './page';
import { DOCS_PAGE_CSP } from './page-style';

const page = (input = tokenInput(WRITE)) => renderDocsPage(input, '/docs/p/key');

/** The HTML of the element with this id, up to its closing tag (sections do not nest here). */
function section(html: string, id: string): string {
  const start = html.indexOf(`<section class="op" id="${id}"`);
  if (start < 0) throw new Error(`no section ${id}`);
  return html.slice(start, html.indexOf('</section>', start));
}

const unescape = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('the docs page', () => {
  /** Every `href="#x"` of the navigation, after checking each lands on exactly one element. */
  function navTargets(html: string): string[] {
    const nav = html.slice(html.indexOf('<nav class="toc" aria-label="On this page">'), html.indexOf('</nav>'));
    const targets = [...nav.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]);
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const target of targets) expect(ids).toContain(target);
    return targets;
  }

  it('has a navigation column whose every link lands on an element of the page, ids unique', () => {
    expect(navTargets(page(tokenInput([...WRITE, 'webhooks:read'])))).toEqual(
      expect.arrayContaining([
        'getting-started',
        'rate-limits',
        'operations',
        'create',
        'lead-object',
        'lead-body',
        'errors',
        'webhooks',
        'webhooks-verify',
      ]),
    );
    const second = campaignDocs(null, { ...CAMPAIGN, id: 'cmp_two', name: 'Second' });
    const account = { ...tokenInput(WRITE, [campaignDocs(null), second]), kind: 'account' as const };
    expect(navTargets(page(account))).toEqual(
      expect.arrayContaining(['create_cmp_heat', 'create_cmp_two', 'lead-object_cmp_two']),
    );
    expect(navTargets(page(tokenInput(READ)))).not.toContain('lead-body');
  });

  it("writes the list example in curl, JavaScript and Python with the token's own filter value", () => {
    const list = unescape(section(page(tokenInput(READ)), 'list'));
    expect(list).toContain(
      `curl -X GET 'https://api.example.com/v1/campaigns/cmp_heat/leads?select.select_partner=SELECT_PARTNER&limit=50'`,
    );
    expect(list).toContain(
      'fetch("https://api.example.com/v1/campaigns/cmp_heat/leads?select.select_partner=SELECT_PARTNER&limit=50"',
    );
    expect(list).toMatch(
      /requests\.get\([\s\S]*params=\{\s*"select\.select_partner": "SELECT_PARTNER",\s*"limit": 50,/,
    );
    expect(list).toContain('e.g. <code>select.select_partner=SELECT_PARTNER</code>');
    expect(list).not.toContain('select.source');
  });

  it('shows each operation its answer: status, headers and a body built from this campaign', () => {
    const html = page();
    const create = unescape(section(html, 'create'));
    expect(create).toMatch(
      /HTTP\/1\.1 201\nContent-Type: application\/json; charset=utf-8\nLocation: \/v1\/campaigns\/cmp_heat\/leads\/\w+\nETag: "v1"/,
    );
    expect(create).toContain('"select_partner": "SELECT_PARTNER"');
    expect(unescape(section(html, 'update'))).toMatch(/HTTP\/1\.1 200\n[\s\S]*ETag: "v2"[\s\S]*"version": 2/);
    expect(unescape(section(html, 'batch'))).toMatch(/"results": \[\s*\{\s*"index": 0,\s*"status": "created"/);
    expect(unescape(section(html, 'schema'))).toMatch(/"filter": \{[\s\S]*"name": "Partner ABC"/);
    for (const id of OPERATION_KINDS) {
      expect(section(html, id)).toMatch(/<h5>Response<\/h5>\s*<p>\s*<span class="status">\d{3}<\/span>/);
      expect(section(html, id)).toContain('<p class="lang">Python</p>');
    }
  });

  it('lists the problem types each operation really answers, by their slugs', () => {
    const html = page();
    const create = section(html, 'create');
    for (const type of [
      'bad_idempotency_key',
      'idempotency_key_reused',
      'idempotency_in_flight',
      'out_of_scope',
      'field_not_writable',
      'validation_failed',
      'invalid_token',
      'rate_limited',
    ]) {
      expect(create).toContain(`<code>${type}</code>`);
    }
    expect(section(html, 'list')).toContain('<code>bad_query</code>');
    expect(section(html, 'list')).not.toContain('idempotency');
    expect(section(html, 'update')).toContain('<code>precondition_failed</code>');
    expect(html).not.toContain('<code>unauthorized</code>');
  });

  it("names the token's rate limit when it is known, and no number otherwise", () => {
    expect(page({ ...tokenInput(READ), rateLimitPerMinute: 600 })).toContain(
      'may make <strong class="rate-limit">600</strong> requests a minute',
    );
    expect(page(tokenInput(READ))).not.toContain('class="rate-limit"');
  });

  it('renders no literal backtick outside code blocks', () => {
    const html = page(tokenInput([...WRITE, 'webhooks:write']));
    expect(html.replace(/<pre>[\s\S]*?<\/pre>/g, '')).not.toContain('`');
  });

  it('allows its one style sheet by hash: the CSP matches the <style> the page carries, and allows no inline script', () => {
    const style = /<style>([\s\S]*?)<\/style>/.exec(page())?.[1] ?? '';
    const hash = createHash('sha256').update(style).digest('base64');
    expect(DOCS_PAGE_CSP).toContain(`style-src 'sha256-${hash}'`);
    expect(DOCS_PAGE_CSP).toContain("default-src 'none'");
    expect(DOCS_PAGE_CSP).not.toContain('unsafe-inline');
    expect(page()).not.toMatch(/<script|style="/);
  });

  it('escapes admin-set option values and keys in every example, and quotes them for the shell', () => {
    const hostile = {
      ...CAMPAIGN,
      selects: [
        {
          key: 'select_partner',
          label: 'Partner',
          options: [{ value: `x'"><img src=x onerror=alert(1)>`, label: '<b>' }],
        },
      ],
    };
    const condition = {
      all: [{ select: 'select_partner', op: 'eq' as const, value: `x'"><img src=x onerror=alert(1)>` }],
    };
    const html = page(tokenInput(WRITE, [campaignDocs(condition, hostile)]));
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    // URL-encoded in the query, so the shell quoting never has to carry a quote of its own.
    expect(unescape(section(html, 'list'))).toContain(
      `select.select_partner=x'%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&limit=50`,
    );
  });
});
