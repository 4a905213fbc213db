import {
  consoleContext,
  launchChromium,
  Platform,
  screenshot,
  seriousA11yViolations,
  accountWithOwner,
  signInWithForm,
  startPlatform,
  waitFor,
} from '@leadgate/testing';
import { Browser, BrowserContext, Locator, Page } from 'playwright-core';

/**
 * The seeds' six steps, as a person does them in the console, end to end in Chromium: a campaign,
 * **Selects** → **Add option** for the partner, **Filters** → **New filter** with the condition,
 * **API Tokens** → **New API token** (Name, Read / Write, Campaign filter, Save), then the token and
 * the documentation link copied. The partner then uses them from outside the browser.
 */
describe('console: the seeds six steps, then the partner outside the browser', () => {
  let platform: Platform;
  let browser: Browser;
  let context: BrowserContext;
  let problems: string[];
  let page: Page;
  let gateway: string;
  let owner: { email: string; password: string };

  beforeAll(async () => {
    platform = await startPlatform({ apps: ['identity', 'campaigns', 'leads', 'docs'] });
    gateway = platform.gateway.url;
    ({ owner } = await accountWithOwner(platform, 'Seeds'));
    browser = await launchChromium();
    ({ context, problems } = await consoleContext(browser));
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await platform?.stop();
  });

  /** Every page state a person reaches: no serious or critical axe violation, no CSP violation. */
  const accessible = async () => {
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  };

  const dialogNamed = async (name: string | RegExp): Promise<Locator> => {
    const dialog = page.getByRole('dialog', { name });
    await dialog.waitFor();
    await accessible();
    return dialog;
  };

  const openTab = async (name: string) => {
    await page.getByRole('navigation', { name: 'Campaign' }).getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { level: 2, name }).waitFor();
    await accessible();
  };

  /** React Aria keeps checkbox inputs visually hidden: focus and Space, as a keyboard user does. */
  const pressSpace = async (control: Locator) => {
    await control.focus();
    await page.keyboard.press('Space');
  };

  it('sets up a filtered read+write partner token in six steps; the partner creates a lead with the pinned value', async () => {
    await signInWithForm(page, gateway, owner.email, owner.password);
    await accessible();

    // 1. A campaign, with the field the partner's form fills in.
    await page.getByRole('button', { name: 'New campaign' }).click();
    let dialog = await dialogNamed('New campaign');
    await dialog.getByLabel('Name').fill('Heat pumps DK');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Heat pumps DK' }).waitFor();
    const campaignId = /\/campaigns\/([^/]+)\//.exec(page.url())![1];
    await openTab('Fields');
    await page.getByRole('button', { name: 'New field' }).click();
    dialog = await dialogNamed('New field');
    await dialog.getByRole('textbox', { name: 'Key' }).fill('name');
    await dialog.getByRole('textbox', { name: 'Label' }).fill('Name');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // 2. Selects: the source select, then Add option for the partner.
    await openTab('Selects');
    await page.getByRole('button', { name: 'New select' }).click();
    dialog = await dialogNamed('New select');
    await dialog.getByRole('textbox', { name: 'Key' }).fill('select_partner');
    await dialog.getByRole('textbox', { name: 'Label', exact: true }).fill('Source');
    await dialog.getByRole('textbox', { name: 'Option 1 value' }).fill('SELECT_WEBSITE');
    await dialog.getByRole('textbox', { name: 'Option 1 label' }).fill('Our website');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('region', { name: 'Source' }).getByRole('button', { name: 'Add option' }).click();
    dialog = await dialogNamed(/option/i);
    await dialog.getByRole('textbox', { name: 'Value' }).fill('SELECT_PARTNER');
    await dialog.getByRole('textbox', { name: 'Label' }).fill('Partner ABC');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('region', { name: 'Source' }).getByRole('row').filter({ hasText: 'SELECT_PARTNER' }).waitFor();
    await screenshot(page, 'seeds-1-selects');

    // 3. Filters: New filter, the condition select_partner = SELECT_PARTNER.
    await openTab('Filters');
    await page.getByRole('button', { name: 'New filter' }).click();
    await page.getByRole('heading', { level: 2, name: 'New filter' }).waitFor();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Partner ABC - API access');
    const leaf = page.getByRole('group', { name: 'Condition 1', exact: true });
    await leaf.getByRole('button', { name: /Subject/ }).click();
    await page.getByRole('option', { name: 'Source' }).click();
    await leaf.getByRole('button', { name: /Operator/ }).click();
    await page.getByRole('option', { name: 'is', exact: true }).click();
    await leaf.getByRole('button', { name: /Value/ }).click();
    await page.getByRole('option', { name: /Partner ABC/ }).click();
    await page
      .locator('.preview-count')
      .filter({ hasText: /^0 leads match now\.$/ })
      .waitFor();
    await accessible();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Filter “Partner ABC - API access” saved.').waitFor();
    await screenshot(page, 'seeds-2-filter');

    // 4. API Tokens: New API token, Name, Read + Write, Campaign filter, Save.
    await openTab('API Tokens');
    await page.getByRole('button', { name: 'New API token' }).click();
    dialog = await dialogNamed('New API token');
    await dialog.getByLabel('Name', { exact: true }).fill('Partner ABC');
    await pressSpace(dialog.getByRole('checkbox', { name: /^Write/ }));
    expect(await dialog.getByRole('checkbox', { name: /^Read/ }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: /Campaign filter/ }).click();
    await page.getByRole('option', { name: 'Partner ABC - API access' }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();

    // 5–6. The token, shown once, and the documentation link, copied.
    const created = await dialogNamed('API token created');
    const token = await created.getByLabel('Token', { exact: true }).inputValue();
    expect(token).toMatch(/^lgt_/);
    await created.getByRole('button', { name: 'Copy documentation link' }).click();
    const docsUrl = await page.evaluate(() => navigator.clipboard.readText());
    expect(docsUrl).toMatch(/\/docs\/p\/[\w-]+$/);
    await screenshot(page, 'seeds-3-token-created');
    await created.getByRole('button', { name: 'Done' }).click();
    await created.waitFor({ state: 'hidden' });
    // Never shown again: the list has no secret.
    expect(await page.getByText(token).count()).toBe(0);

    // The partner, outside the browser: the docs show only its slice, and a lead gets the pinned value.
    const docsPath = new URL(docsUrl).pathname;
    const docs = await waitFor('the partner docs page', async () => {
      const answer = await fetch(`${gateway}${docsPath}`);
      return answer.status === 200 ? answer.text() : undefined;
    });
    expect(docs).toContain('SELECT_PARTNER');
    expect(docs).not.toContain('SELECT_WEBSITE');
    const lead = await waitFor('the partner token at the gateway', async () => {
      const answer = await fetch(`${gateway}/v1/campaigns/${campaignId}/leads`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ fields: { name: 'Jane Doe' } }),
      });
      return answer.status === 201 ? ((await answer.json()) as Record<string, unknown>) : undefined;
    });
    expect(lead['select_field_values']).toEqual({ select_partner: 'SELECT_PARTNER' });
    expect(lead['fields']).toEqual({ name: 'Jane Doe' });

    // And the admin sees it in the console, where the partner put it.
    await openTab('Leads');
    await page.getByRole('link', { name: /Jane Doe/ }).waitFor();
    await accessible();
    // A session reads the partner data API (the lead view) but never writes through it: that is for tokens.
    const sessionWrite = await page.evaluate(async (path) => {
      const session = (await (await fetch('/v1/auth/session')).json()) as { csrf_token: string };
      const answer = await fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrf_token },
        body: JSON.stringify({ fields: { name: 'From a session' } }),
      });
      return answer.status;
    }, `/v1/campaigns/${campaignId}/leads`);
    expect(sessionWrite).toBe(401);
  });
});
