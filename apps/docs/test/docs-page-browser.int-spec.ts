import {
  bootstrapAdmin,
  launchChromium,
  partnerCampaign,
  Platform,
  screenshot,
  startPlatform,
  waitFor,
} from '@leadgate/testing';
import { Browser } from 'playwright-core';

/**
 * The per-token page as a partner sees it, in headless Chromium (Debian `chromium`; .ci/run installs
 * it) with JavaScript off: the pinned value is there, write operations are not. The screenshot
 * lands in tmp/screenshots; docs/screenshots holds a committed copy.
 */
describe('per-token docs page in a browser', () => {
  let platform: Platform;
  let browser: Browser;

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
    await screenshot(page, 'token-docs-read-only');
    await context.close();
  });
});
