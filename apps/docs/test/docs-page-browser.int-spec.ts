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
});
