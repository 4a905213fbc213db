import {
  bootstrapAdmin,
  launchChromium,
  partnerCampaign,
  Platform,
  screenshot,
  SCREENSHOT_DIR,
  seriousA11yViolations,
  startPlatform,
  waitFor,
} from '@leadgate/testing';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Browser } from 'playwright-core';

/**
 * The per-token page as a partner sees it, in headless Chromium (Debian `chromium`; .ci/run installs
 * it) with JavaScript off: the pinned value is there, write operations are not; a token's field
 * access shows per field. axe-core finds no serious violation. The screenshots land in
 * tmp/screenshots; docs/screenshots holds committed copies.
 */
describe('per-token docs page in a browser', () => {
  let platform: Platform;
  let browser: Browser;

  /**
   * axe-core on the page in a context with JavaScript on: axe runs asynchronously and never ends
   * where scripts are off. The page has no script of its own (its CSP allows none), so it is the same page.
   */
  const a11yViolations = async (pageUrl: string) => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(pageUrl);
      return await seriousA11yViolations(page);
    } finally {
      await context.close();
    }
  };

  /** Code blocks wider than their box at this viewport width (code must wrap, never be cut off). */
  const overflowingCode = async (pageUrl: string, width: number) => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(pageUrl);
      return await page.evaluate<string[]>(`[...document.querySelectorAll('pre')]
        .filter((pre) => pre.scrollWidth > pre.clientWidth + 1)
        .map((pre) => pre.textContent.slice(0, 80))`);
    } finally {
      await context.close();
    }
  };

  beforeAll(async () => {
    platform = await startPlatform({ apps: ['identity', 'campaigns', 'leads', 'docs'] });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('shows a read-only filtered partner its pinned value and no write operations, without JavaScript', async () => {
    const account = await bootstrapAdmin(platform, 'Browser test');
    const admin = account.admin;
    const { partnerToken } = await partnerCampaign(admin, {
      gatewayUrls: [platform.gateway.url],
      campaign: { fields: ['name', 'email'], selects: ['select_partner'], statuses: [], relations: false },
      tokenName: 'Partner ABC (read)',
      permissions: ['read'],
    });
    const pageUrl = `${platform.gateway.url}${new URL(partnerToken.docs_url).pathname}`;
    await waitFor('docs page', async () => ((await fetch(pageUrl)).status === 200 ? true : undefined));

    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    const response = await page.goto(pageUrl);
    expect(response?.status()).toBe(200);
    const text = await page.locator('body').innerText();
    expect(text).toContain('Heat pumps DK');
    expect(text).toContain('SELECT_PARTNER');
    expect(text).not.toContain('VENDOR_NORTH');
    expect(text).toMatch(/filled in automatically/i);
    expect(text).toMatch(/GET\s+\/v1\/campaigns\//);
    expect(text).not.toMatch(/\b(POST|PATCH)\s+\/v1\/campaigns\//);
    expect(await a11yViolations(pageUrl)).toEqual([]);
    await screenshot(page, 'token-docs-read-only');
    await context.close();
  });

  it('shows a token its field access per field: hidden absent, masked and read-only marked (API.md §13)', async () => {
    const account = await bootstrapAdmin(platform, 'Browser test field access');
    const admin = account.admin;
    const { campaignId, filterId } = await partnerCampaign(admin, {
      gatewayUrls: [platform.gateway.url],
      campaign: {
        fields: ['name', 'email', 'phone', 'notes'],
        selects: ['select_partner'],
        statuses: [],
        relations: false,
      },
      tokenName: 'Partner ABC (read)',
      permissions: ['read'],
    });
    const made = await admin('POST', `/v1/admin/campaigns/${campaignId}/tokens`, {
      name: 'Partner ABC (field access)',
      permissions: ['read', 'write'],
      filter_id: filterId,
      field_access: { hidden: ['phone'], masked: ['email'], read_only: ['notes'] },
    });
    expect(made.status).toBe(201);
    const pageUrl = `${platform.gateway.url}${new URL(String(made.body['docs_url'])).pathname}`;
    await waitFor('docs page with field access', async () => {
      const response = await fetch(pageUrl);
      return response.status === 200 && (await response.text()).includes('badge masked') ? true : undefined;
    });

    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    expect((await page.goto(pageUrl))?.status()).toBe(200);
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/phone/i);
    const row = (key: string) =>
      page.getByRole('row').filter({ has: page.locator('code', { hasText: new RegExp(`^${key}$`) }) });
    expect(await row('email').getByText('Masked', { exact: true }).isVisible()).toBe(true);
    expect(await row('email').innerText()).toContain('j***@example.com');
    expect(await row('notes').getByText('Read-only', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('columnheader', { name: 'Access for this token' }).count()).toBe(1);
    expect(text).toMatch(/POST\s+\/v1\/campaigns\//);
    expect(await a11yViolations(pageUrl)).toEqual([]);
    // The page down to the end of the fields table: the part field access changes (the full page is 9000+ px).
    const selects = await page.getByRole('heading', { name: /^Selects/ }).boundingBox();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({
      path: path.join(SCREENSHOT_DIR, 'token-docs-field-access.png'),
      fullPage: true,
      clip: { x: 0, y: 0, width: 1200, height: Math.ceil((selects?.y ?? 900) - 8) },
    });
    await context.close();
  });

  it('gives a read-write partner a page to work from: navigation, three languages, answers, problems, its rate limit, the webhook recipe', async () => {
    const account = await bootstrapAdmin(platform, 'Browser test full page');
    const admin = account.admin;
    const { campaignId, filterId } = await partnerCampaign(admin, {
      gatewayUrls: [platform.gateway.url],
      campaign: { fields: ['name', 'email'], selects: ['select_partner'], statuses: [], relations: false },
      tokenName: 'Partner ABC (read)',
      permissions: ['read'],
    });
    const made = await admin('POST', `/v1/admin/campaigns/${campaignId}/tokens`, {
      name: 'Partner ABC (read and write)',
      permissions: ['read', 'write'],
      filter_id: filterId,
      rate_limit_per_minute: 321,
    });
    expect(made.status).toBe(201);
    const pageUrl = `${platform.gateway.url}${new URL(String(made.body['docs_url'])).pathname}`;
    await waitFor('docs page of the read-write token', async () =>
      (await fetch(pageUrl)).status === 200 ? true : undefined,
    );
    const csp = (await fetch(pageUrl)).headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/]+=*'/);
    expect(csp).not.toContain('unsafe-inline');

    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    expect((await page.goto(pageUrl))?.status()).toBe(200);
    const text = await page.locator('body').innerText();

    // Navigation: plain anchors that work without JavaScript, sticky beside the content.
    const nav = page.getByRole('navigation', { name: 'On this page' });
    for (const name of [
      'Getting started',
      'Rate limits',
      'Operations',
      'Lead',
      'Errors',
      'Webhooks',
      'Verifying a delivery',
    ]) {
      expect(await nav.getByRole('link', { name, exact: true }).count()).toBe(1);
    }
    await nav.getByRole('link', { name: 'Verifying a delivery', exact: true }).click();
    expect(new URL(page.url()).hash).toBe('#webhooks-verify');
    expect(await page.getByRole('heading', { name: 'Verifying a delivery' }).isVisible()).toBe(true);
    const navBox = await nav.boundingBox();
    expect(navBox?.y).toBeGreaterThanOrEqual(0);
    expect(navBox?.y).toBeLessThan(10);

    // Each operation: curl, JavaScript and Python with this campaign's filter value, and its answer.
    const list = await page.locator('section#list').innerText();
    expect(list).toContain(`/v1/campaigns/${campaignId}/leads?select.select_partner=SELECT_PARTNER&limit=50`);
    expect(list).toMatch(/curl -X GET[\s\S]*fetch\([\s\S]*requests\.get\(/);
    expect(list).toContain('"select.select_partner": "SELECT_PARTNER"');
    expect(list).not.toContain('select.source');
    const operations = page.locator('section.op');
    expect(await operations.count()).toBeGreaterThanOrEqual(9);
    for (const operation of await operations.all()) {
      const answer = await operation.innerText();
      expect(answer).toMatch(/Response\s+\d{3}/);
      expect(answer).toMatch(/HTTP\/1\.1 \d{3}/);
      expect(answer).toContain('Python');
    }
    expect(await page.locator('section#create').innerText()).toMatch(
      /HTTP\/1\.1 201[\s\S]*"select_partner": "SELECT_PARTNER"/,
    );

    // The problems the server really sends, per operation.
    expect(list).toContain('bad_query');
    const create = await page.locator('section#create').innerText();
    for (const type of [
      'bad_idempotency_key',
      'idempotency_key_reused',
      'out_of_scope',
      'invalid_token',
      'rate_limited',
    ]) {
      expect(create).toContain(type);
    }
    expect(text).not.toMatch(/\bunauthorized\b/);

    // The token's own rate limit, and the webhook verification recipe.
    expect(text).toMatch(/This token may make 321 requests a minute/);
    for (const part of [
      'webhook-id',
      'webhook-timestamp',
      'webhook-signature',
      'whsec_',
      'HMAC-SHA256',
      'compare_digest',
      'timingSafeEqual',
    ]) {
      expect(text).toContain(part);
    }

    expect(await a11yViolations(pageUrl)).toEqual([]);
    expect(await overflowingCode(pageUrl, 1280)).toEqual([]);
    expect(await overflowingCode(pageUrl, 390)).toEqual([]);

    await page.goto(pageUrl);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    // The whole page at a wide viewport (docs/screenshots/docs-page.png is a committed copy).
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'docs-page.png'), fullPage: true });
    await context.close();
  });
});
