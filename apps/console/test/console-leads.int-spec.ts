import {
  consoleContext,
  expectStatus,
  GatewayClient,
  launchChromium,
  partnerCampaign,
  PartnerCampaign,
  Platform,
  screenshot,
  seriousA11yViolations,
  accountWithOwner,
  signInWithForm,
  startPlatform,
  waitFor,
} from '@leadgate/testing';
import { Browser, Page } from 'playwright-core';

type Json = Record<string, unknown>;

/** Picks `option` in the React Aria Select whose button's name matches `label`. */
async function choose(page: Page, label: RegExp, option: string): Promise<void> {
  await page.getByRole('group', { name: 'Filter leads' }).getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The names (first column) of the rows the Leads table shows now. */
async function listedNames(page: Page): Promise<string[]> {
  const table = page.getByRole('grid', { name: 'Leads' });
  await table.waitFor();
  return table.locator('tbody tr th, tbody tr [role="rowheader"]').allTextContents();
}

async function expectListed(page: Page, names: string[]): Promise<void> {
  await waitFor(`the leads ${names.join(', ')}`, async () => {
    const shown = await listedNames(page);
    return JSON.stringify(shown) === JSON.stringify(names) ? shown : undefined;
  });
}

/**
 * The Leads tab and the lead page (issue 15): the partner data API's list through the session with
 * the campaign's columns, filters by status and select, cursor paging, and who can see a lead.
 */
describe('console: leads of a campaign and who can see a lead', () => {
  let platform: Platform;
  let browser: Browser;
  let gateway: string;
  let admin: GatewayClient;
  let owner: { email: string; password: string };
  let partner: PartnerCampaign;
  const leadIds: Record<string, string> = {};

  beforeAll(async () => {
    platform = await startPlatform({ apps: ['identity', 'campaigns', 'leads'] });
    gateway = platform.gateway.url;
    ({ owner, admin } = await accountWithOwner(platform, 'Console leads'));
    // A filtered partner token ("Partner ABC": select_partner = SELECT_PARTNER) on the test campaign.
    partner = await partnerCampaign(admin, { gatewayUrls: [gateway], permissions: ['read'] });
    expectStatus(
      await admin('POST', `/v1/admin/campaigns/${partner.campaignId}/tokens`, {
        name: 'Every lead reader',
        permissions: ['read'],
      }),
      201,
      'unfiltered campaign token',
    );
    const leads: [string, string, string][] = [
      ['Ada', 'SELECT_PARTNER', 'new'],
      ['Bo', 'VENDOR_NORTH', 'won'],
      ['Cy', 'SELECT_PARTNER', 'won'],
    ];
    for (const [name, source, status] of leads) {
      const body = {
        fields: { name, email: `${name.toLowerCase()}@example.com` },
        select_field_values: { select_partner: source },
        status,
      };
      leadIds[name] = String(
        expectStatus(await admin('POST', `/v1/campaigns/${partner.campaignId}/leads`, body), 201, name)['id'],
      );
    }
    // More than a page (50): the list pages with its cursor.
    const fillers = Array.from({ length: 50 }, (_, index) => ({
      fields: { name: `Filler ${index + 1}` },
      status: 'lost',
    }));
    const batch = await admin('POST', `/v1/campaigns/${partner.campaignId}/leads/batch`, { leads: fillers });
    expect(expectStatus(batch, 200, 'batch')['created']).toBe(50);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it("lists the campaign's leads with its columns, pages by cursor, and narrows by status and by a select", async () => {
    const { context, problems } = await consoleContext(browser);
    const page = await context.newPage();
    await signInWithForm(page, gateway, owner.email, owner.password);
    await page.goto(`${gateway}/console/campaigns/${partner.campaignId}/leads`);
    await page.getByRole('heading', { level: 2, name: 'Leads' }).waitFor();
    await page.getByRole('grid', { name: 'Leads' }).getByRole('row').nth(1).waitFor();
    const headers = await page.getByRole('grid', { name: 'Leads' }).getByRole('columnheader').allTextContents();
    expect(headers).toEqual([
      'Name',
      'E-mail',
      'Phone',
      'Postcode',
      'Website',
      'Notes',
      'Rooms',
      'Visit on',
      'Consent',
      'Source',
      'Region',
      'Heating',
      'Status',
      'Created',
    ]);

    // Oldest first, 50 a page: Ada, Bo, Cy and 47 fillers; the next page has the last 3.
    const first = await listedNames(page);
    expect(first).toHaveLength(50);
    expect(first.slice(0, 3)).toEqual(['Ada', 'Bo', 'Cy']);
    const bo = page.getByRole('row').filter({ hasText: 'bo@example.com' });
    await expect(bo.textContent()).resolves.toContain('Vendor North');
    await expect(bo.textContent()).resolves.toContain('Won');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Next page' }).click();
    // The batch's leads share a creation time, so which three are last is the API's order: the same page as its cursor gives.
    const firstPage = await admin('GET', `/v1/campaigns/${partner.campaignId}/leads?limit=50`);
    const secondPage = await admin(
      'GET',
      `/v1/campaigns/${partner.campaignId}/leads?limit=50&cursor=${encodeURIComponent(String(firstPage.body['next_cursor']))}`,
    );
    const rest = (secondPage.body.data as Json[]).map((lead) => String((lead['fields'] as Json)['name']));
    expect(rest).toHaveLength(3);
    await expectListed(page, rest);
    expect(first.filter((name) => rest.includes(name))).toEqual([]);
    await expect(page.getByRole('button', { name: 'Next page' }).isDisabled()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await waitFor('the first page again', async () => (await listedNames(page)).length === 50);

    await choose(page, /Status/, 'Won');
    await page.waitForURL(/status=won/);
    await expectListed(page, ['Bo', 'Cy']);
    await choose(page, /Source/, 'Partner ABC');
    await page.waitForURL(/select\.select_partner=SELECT_PARTNER/);
    await expectListed(page, ['Cy']);
    // The same narrowing as the API's own query.
    const api = await admin(
      'GET',
      `/v1/campaigns/${partner.campaignId}/leads?status=won&select.select_partner=SELECT_PARTNER`,
    );
    expect((api.body.data as Json[]).map((lead) => lead['id'])).toEqual([leadIds['Cy']]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await waitFor('the whole list again', async () => (await listedNames(page)).length === 50);
    await choose(page, /Status/, 'Won');
    await expectListed(page, ['Bo', 'Cy']);
    await screenshot(page, 'leads');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a lead with its labels and who can see it, as the API says: the filtered token only where its filter matches', async () => {
    const { context, problems } = await consoleContext(browser);
    const page = await context.newPage();
    await signInWithForm(page, gateway, owner.email, owner.password);
    const ownerToken = String((await admin('GET', '/v1/me')).body['name']);
    const readersOf = async (name: string, expected: number) =>
      waitFor(`${expected} readers of ${name}`, async () => {
        const answer = await admin('GET', `/v1/admin/campaigns/${partner.campaignId}/leads/${leadIds[name]}/access`);
        const tokens = (answer.body['tokens'] as Json[] | undefined) ?? [];
        return tokens.length === expected ? tokens.map((token) => String(token['name'])).sort() : undefined;
      });
    expect(await readersOf('Ada', 3)).toEqual(['Every lead reader', ownerToken, 'Partner ABC'].sort());
    expect(await readersOf('Bo', 2)).toEqual(['Every lead reader', ownerToken].sort());

    await page.goto(`${gateway}/console/campaigns/${partner.campaignId}/leads`);
    await page.getByRole('link', { name: 'Ada', exact: true }).click();
    await page.waitForURL(new RegExp(`/leads/${leadIds['Ada']}$`));
    await page.getByRole('heading', { level: 2, name: 'Lead Ada' }).waitFor();
    await expect(page.getByRole('definition').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['ada@example.com', 'Partner ABC', 'New']),
    );
    await page.getByRole('heading', { level: 2, name: 'Who can see this lead' }).waitFor();
    const readers = page.getByRole('grid', { name: 'Tokens that can read this lead' });
    await readers.getByRole('row').filter({ hasText: 'Partner ABC' }).waitFor();
    const shown = async () =>
      (await readers.locator('tbody tr th, tbody tr [role="rowheader"]').allTextContents()).sort();
    expect(await shown()).toEqual(await readersOf('Ada', 3));
    await expect(readers.getByRole('row').filter({ hasText: 'Partner ABC' }).textContent()).resolves.toContain(
      'Its campaign filter matches this lead',
    );
    await expect(readers.getByRole('row').filter({ hasText: 'Every lead reader' }).textContent()).resolves.toContain(
      'Campaign token without a filter',
    );
    await expect(readers.getByRole('row').filter({ hasText: ownerToken }).textContent()).resolves.toContain('admin');
    await page.getByText('No webhook subscription receives this lead.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'lead-access');

    await page.goto(`${gateway}/console/campaigns/${partner.campaignId}/leads/${leadIds['Bo']}`);
    await page.getByRole('heading', { level: 2, name: 'Lead Bo' }).waitFor();
    await readers.getByRole('row').filter({ hasText: 'Every lead reader' }).waitFor();
    expect(await shown()).toEqual(await readersOf('Bo', 2));
    expect(problems).toEqual([]);
    await context.close();
  });
});
