import {
  consoleContext,
  expectStatus,
  gatewayClient,
  GatewayClient,
  invitePerson,
  launchChromium,
  Platform,
  screenshot,
  seriousA11yViolations,
  accountWithOwner,
  signInWithForm,
  startPlatform,
  strongPassword,
  waitFor,
} from '@leadgate/testing';
import { Browser, BrowserContext, Locator, Page } from 'playwright-core';

type Json = Record<string, unknown>;

const PARTNER = { all: [{ select: 'select_partner', op: 'eq', value: 'SELECT_PARTNER' }] };
const NESTED = {
  all: [
    { select: 'select_partner', op: 'in', value: ['SELECT_PARTNER', 'VENDOR_NORTH'] },
    { any: [{ status: 'won', op: 'eq' }, { not: { field: 'postcode', op: 'in', value: ['8000', '8200'] } }] },
  ],
};

/**
 * The Filters tab (issue 15, API.md §6 and §14) in a real browser against real services: the
 * seeds' step "go to Filters, New filter, add the condition select_partner = SELECT_PARTNER", the
 * live preview (count, sample, what a token on the filter would gain and lose, held to what the
 * token really reads after the change), nested groups saved and read back, the API's refusals
 * shown where they belong, and axe on every state.
 */
describe('console: Filters tab', () => {
  let platform: Platform;
  let browser: Browser;
  let gateway: string;
  let admin: GatewayClient;
  let campaignId: string;
  let owner: { email: string; password: string };
  let context: BrowserContext;
  let problems: string[];
  let page: Page;
  const filtersUrl = () => `${gateway}/console/campaigns/${campaignId}/filters`;
  const filtersOf = async () =>
    (expectStatus(await admin('GET', `/v1/admin/campaigns/${campaignId}/filters`), 200, 'filters')['data'] as Json[]) ??
    [];

  beforeAll(async () => {
    platform = await startPlatform({ apps: ['identity', 'campaigns', 'leads'] });
    gateway = platform.gateway.url;
    ({ owner, admin } = await accountWithOwner(platform, 'Console filters'));
    campaignId = String(
      expectStatus(await admin('POST', '/v1/admin/campaigns', { name: 'Heat pumps DK' }), 201, 'campaign')['id'],
    );
    const piece = async (path: string, body: Json) =>
      expectStatus(await admin('POST', `/v1/admin/campaigns/${campaignId}/${path}`, body), 201, path);
    await piece('selects', {
      key: 'select_partner',
      label: 'Source',
      options: [{ value: 'SELECT_PARTNER', label: 'Partner ABC' }],
    });
    await piece('selects/select_partner/options', { value: 'VENDOR_NORTH', label: 'Vendor North' });
    await piece('statuses', { slug: 'won', label: 'Won' });
    await piece('statuses', { slug: 'lost', label: 'Lost' });
    await piece('fields', { key: 'postcode', label: 'Postcode', type: 'text', required: false });
    // p = SELECT_PARTNER, v = VENDOR_NORTH; created with the owner's account token (leads:write through admin).
    for (const [select, status, postcode] of [
      ['SELECT_PARTNER', 'new', '8000'],
      ['SELECT_PARTNER', 'won', '8200'],
      ['SELECT_PARTNER', 'new', '9000'],
      ['VENDOR_NORTH', 'won', '8000'],
      ['VENDOR_NORTH', 'new', null],
      ['VENDOR_NORTH', 'won', '8100'],
    ]) {
      const body = { fields: postcode ? { postcode } : {}, select_field_values: { select_partner: select }, status };
      await waitFor('a lead (the leads service knows the schema)', async () => {
        const answer = await admin('POST', `/v1/campaigns/${campaignId}/leads`, body);
        return answer.status === 201;
      });
    }
    browser = await launchChromium();
    ({ context, problems } = await consoleContext(browser));
    page = await context.newPage();
    await signInWithForm(page, gateway, owner.email, owner.password);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await platform?.stop();
  });

  // No CSP violation and no page error in any state (unset only when the platform did not come up).
  afterEach(() => {
    if (problems) expect(problems).toEqual([]);
  });

  /** Opens a React Aria select by its label (its button is named by value and label) and picks the option. */
  async function pick(scope: Locator | Page, label: RegExp, option: string | RegExp) {
    await scope.getByRole('button', { name: label }).click();
    await page.getByRole('option', { name: option }).click();
  }
  const leaf = (number: string) => page.getByRole('group', { name: `Condition ${number}`, exact: true });
  const group = (number: string) => page.getByRole('group', { name: `Group ${number}`, exact: true });
  const previewSays = (text: string) =>
    page
      .locator('.preview-count')
      .filter({ hasText: new RegExp(`^${text}$`) })
      .waitFor();

  it('builds New filter select_partner = SELECT_PARTNER, previews the 3 leads it matches, and saves exactly that', async () => {
    await page.goto(filtersUrl());
    await page.getByRole('heading', { level: 2, name: 'Filters' }).waitFor();
    await page.getByText('No filters yet.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'New filter' }).click();
    await page.getByRole('heading', { level: 2, name: 'New filter' }).waitFor();
    await page.getByText('Complete the condition to see which leads it matches.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('Name').fill('Partner ABC - API access');
    await pick(leaf('1'), /Subject/, 'Source');
    // Only what fits a select is offered.
    await leaf('1')
      .getByRole('button', { name: /Operator/ })
      .click();
    const operators = await page.getByRole('option').allTextContents();
    expect(operators).toEqual(['is', 'is not', 'is one of', 'is none of', 'is empty', 'is not empty']);
    await page.getByRole('option', { name: 'is', exact: true }).click();
    await pick(leaf('1'), /Value/, /Partner ABC/);

    await previewSays('3 leads match now.');
    const sample = page.getByRole('list', { name: 'Sample of matching leads' }).getByRole('link');
    expect(await sample.count()).toBe(3);
    const partnerLeads = (await admin('GET', `/v1/campaigns/${campaignId}/leads?select.select_partner=SELECT_PARTNER`))
      .body.data as Json[];
    const hrefs = await sample.evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs.sort()).toEqual(
      partnerLeads.map((lead) => `/console/campaigns/${campaignId}/leads/${String(lead['id'])}`).sort(),
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'campaign-filter-builder');

    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Filter “Partner ABC - API access” saved.').waitFor();
    await page
      .getByRole('row', { name: /Partner ABC - API access/ })
      .getByText('Source is Partner ABC')
      .waitFor();
    const saved = await filtersOf();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ name: 'Partner ABC - API access', condition: PARTNER, version: 1 });
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('shows what the token on a filter would gain and lose, as the token then really reads; removal is refused in the API words', async () => {
    const [filter] = await filtersOf();
    const token = expectStatus(
      await admin('POST', `/v1/admin/campaigns/${campaignId}/tokens`, {
        name: 'Partner ABC',
        permissions: ['read'],
        filter_id: filter['id'],
      }),
      201,
      'token',
    );
    const partner = gatewayClient(gateway, String(token['token']));
    const reads = async () => {
      const answer = await partner('GET', `/v1/campaigns/${campaignId}/leads?limit=500`);
      return answer.status === 200 ? (answer.body.data as Json[]).map((lead) => String(lead['id'])).sort() : undefined;
    };
    const before = await waitFor('the partner token', reads);
    expect(before).toHaveLength(3);
    // The leads service learns tokens from Kafka; the preview lists the token once it has.
    await waitFor('the token in the preview', async () => {
      const answer = await admin('POST', `/v1/admin/campaigns/${campaignId}/filters/preview`, {
        condition: PARTNER,
        filter_id: filter['id'],
      });
      return (answer.body['tokens'] as unknown[] | undefined)?.length === 1;
    });

    await page.goto(filtersUrl());
    await page.getByRole('link', { name: 'Edit Partner ABC - API access' }).click();
    await page.getByRole('heading', { level: 2, name: 'Edit filter “Partner ABC - API access”' }).waitFor();
    await previewSays('3 leads match now.');
    // Source is Vendor North, or the status is Won.
    await pick(page, /Leads that match/, 'Any of these');
    await pick(leaf('1'), /Value/, /Vendor North/);
    await page.getByRole('button', { name: 'Add condition' }).click();
    await pick(leaf('2'), /Subject/, 'Status');
    await pick(leaf('2'), /Value/, /Won/);
    await previewSays('4 leads match now.');
    const row = page
      .getByRole('grid', { name: /gain and lose/ })
      .getByRole('row')
      .filter({ hasText: 'Partner ABC' });
    await row.waitFor();
    const [gains, loses] = (await row.getByRole('gridcell').allTextContents()).map((text) => Number.parseInt(text, 10));
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'campaign-filter-edit-preview');

    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Filter “Partner ABC - API access” saved.').waitFor();
    expect((await filtersOf())[0]).toMatchObject({
      condition: {
        any: [
          { select: 'select_partner', op: 'eq', value: 'VENDOR_NORTH' },
          { status: 'won', op: 'eq' },
        ],
      },
      version: 2,
    });
    const after = await waitFor('the token on the changed filter', async () => {
      const ids = await reads();
      return ids && ids.join() !== before.join() ? ids : undefined;
    });
    expect(after).toHaveLength(4);
    expect({ gains, loses }).toEqual({
      gains: after.filter((id) => !before.includes(id)).length,
      loses: before.filter((id) => !after.includes(id)).length,
    });
    expect({ gains, loses }).toEqual({ gains: 3, loses: 2 });

    await page.getByRole('button', { name: 'Remove Partner ABC - API access' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove filter' });
    await dialog.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await dialog
      .getByRole('alert')
      .getByText(/Live tokens use this filter: Partner ABC/)
      .waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await filtersOf()).toHaveLength(1);
  });

  it('saves nested any / not groups (built partly by keyboard) and reads them back equal', async () => {
    await page.goto(`${filtersUrl()}?filter=new`);
    await page.getByLabel('Name').fill('Nested');
    await pick(leaf('1'), /Subject/, 'Source');
    await pick(leaf('1'), /Operator/, 'is one of');
    await leaf('1').locator('label.checkbox', { hasText: 'Partner ABC' }).click();
    await leaf('1').locator('label.checkbox', { hasText: 'Vendor North' }).click();

    // By keyboard: "Add group" puts focus on the new condition's subject; typeahead picks Status.
    await page.getByRole('button', { name: 'Add group' }).focus();
    await page.keyboard.press('Enter');
    await waitFor('focus on the new condition', async () =>
      leaf('2.1')
        .getByRole('button', { name: /Subject/ })
        .evaluate((button) => button === document.activeElement),
    );
    await page.keyboard.press('ArrowDown');
    await page.getByRole('listbox').waitFor();
    await page.keyboard.type('Status');
    await page.keyboard.press('Enter');
    await pick(leaf('2.1'), /Value/, /Won/);
    await pick(group('2'), /Group 2: leads that match/, 'Any of these');

    await group('2').getByRole('button', { name: 'Add group' }).click();
    await pick(group('2.2'), /Group 2\.2: leads that match/, 'Not this');
    await pick(leaf('2.2.1'), /Subject/, /Postcode/);
    await pick(leaf('2.2.1'), /Operator/, 'is one of');
    await leaf('2.2.1').getByRole('textbox', { name: 'Value 1', exact: true }).fill('8000');
    await leaf('2.2.1').getByRole('button', { name: 'Add value' }).click();
    await leaf('2.2.1').getByRole('textbox', { name: 'Value 2', exact: true }).fill('8200');
    await previewSays('5 leads match now.');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'campaign-filter-builder-nested');

    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Filter “Nested” saved.').waitFor();
    const nested = (await filtersOf()).find((filter) => filter['name'] === 'Nested')!;
    expect(nested['condition']).toEqual(NESTED);
    await page
      .getByRole('row', { name: /Nested/ })
      .getByText(
        'Source is one of Partner ABC, Vendor North and (Status is Won or not (Postcode is one of "8000", "8200"))',
      )
      .waitFor();

    // Read back into the builder: the same tree, and saving it unchanged changes nothing.
    await page.getByRole('link', { name: 'Edit Nested' }).click();
    expect(await leaf('2.2.1').getByRole('textbox', { name: 'Value 2', exact: true }).inputValue()).toBe('8200');
    expect(
      await leaf('1')
        .getByRole('checkbox', { name: /Vendor North/ })
        .isChecked(),
    ).toBe(true);
    await previewSays('5 leads match now.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 2, name: 'Filters' }).waitFor();
    expect((await filtersOf()).find((filter) => filter['name'] === 'Nested')).toMatchObject({
      condition: NESTED,
      version: 1,
    });
  });

  it('shows the API refusing a status removed meanwhile beside the condition that names it', async () => {
    await page.goto(filtersUrl());
    await page.getByRole('button', { name: 'New filter' }).waitFor();
    // The page knows "lost"; the campaign loses it now.
    expectStatus(await admin('DELETE', `/v1/admin/campaigns/${campaignId}/statuses/lost`), 200, 'status removed');
    await waitFor('the leads service without "lost"', async () => {
      const answer = await admin('POST', `/v1/admin/campaigns/${campaignId}/filters/preview`, {
        condition: { status: 'lost', op: 'eq' },
      });
      return answer.status === 422;
    });
    await page.getByRole('button', { name: 'New filter' }).click();
    await page.getByLabel('Name').fill('Lost ones');
    await pick(leaf('1'), /Subject/, 'Status');
    await pick(leaf('1'), /Value/, /Lost/);
    await previewSays('The API refused this condition: see the marked conditions.');
    await leaf('1').getByText('"lost" is not a status of this campaign').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('alert').getByText('The filter condition does not fit this campaign; see errors.').waitFor();
    await leaf('1').getByText('"lost" is not a status of this campaign').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect((await filtersOf()).map((filter) => filter['name'])).not.toContain('Lost ones');
  });

  it('shows a viewer the filters and their conditions, with no control to change them', async () => {
    const viewer = await invitePerson([gateway], (method, path, body) => admin(method, path, body), 'viewer');
    const { context: viewing, problems: viewerProblems } = await consoleContext(browser);
    const viewerPage = await viewing.newPage();
    await signInWithForm(viewerPage, gateway, viewer.email, strongPassword('viewer'));
    await viewerPage.goto(`${filtersUrl()}?filter=new`);
    await viewerPage.getByRole('row', { name: /Nested/ }).waitFor();
    await viewerPage.getByText('Source is Vendor North or Status is Won').waitFor();
    expect(await viewerPage.getByRole('button', { name: 'New filter' }).count()).toBe(0);
    expect(await viewerPage.getByRole('link', { name: /^Edit / }).count()).toBe(0);
    expect(await viewerPage.getByRole('button', { name: /^Remove / }).count()).toBe(0);
    expect(await viewerPage.getByRole('heading', { name: 'New filter' }).count()).toBe(0);
    expect(await seriousA11yViolations(viewerPage)).toEqual([]);
    expect(viewerProblems).toEqual([]);
    await viewing.close();
  });
});
