import {
  consoleContext,
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
} from '@leadgate/testing';
import { Browser, Locator, Page } from 'playwright-core';

/**
 * The campaign page's schema tabs (issue 15): Fields, Selects, Statuses, Relations and Receiver,
 * in a real browser against the real services. Each change made in the console is read back from
 * the admin API with the owner's token; refusals show in the API's words; a viewer sees no write
 * control, and the API refuses the viewer anyway.
 */
describe('console: a campaign schema (fields, selects, statuses, relations, receiver)', () => {
  let platform: Platform;
  let browser: Browser;
  let gateway: string;
  let admin: GatewayClient;
  let owner: { email: string; password: string };
  let campaignId: string;

  beforeAll(async () => {
    platform = await startPlatform({ apps: ['identity', 'campaigns'] });
    gateway = platform.gateway.url;
    ({ owner, admin } = await accountWithOwner(platform, 'Console schema test'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  /** The campaign as the admin API tells the owner's token. */
  const campaignNow = async () => {
    const answer = await admin('GET', `/v1/admin/campaigns/${campaignId}`);
    expect(answer.status).toBe(200);
    return answer.body as unknown as {
      fields: { key: string; label: string; type: string; required: boolean }[];
      selects: { key: string; label: string; options: { value: string; label: string }[] }[];
      statuses: { slug: string; label: string; is_default: boolean; order: number }[];
      relations: { key: string; label: string; options: { id: string; label: string }[] }[];
      receiver: { require_authentication: boolean };
    };
  };

  /** The open dialog, checked with axe as it is. */
  const openDialog = async (page: Page, name: string | RegExp): Promise<Locator> => {
    const dialog = page.getByRole('dialog', { name });
    await dialog.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    return dialog;
  };

  const save = async (dialog: Locator) => {
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
  };

  /** The error the form shows beside one of its fields. */
  const errorBeside = (dialog: Locator, label: string) =>
    dialog
      .locator('.field', { has: dialog.page().getByRole('textbox', { name: label, exact: true }) })
      .locator('.field-error');

  const openTab = async (page: Page, name: string) => {
    await page.getByRole('navigation', { name: 'Campaign' }).getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { level: 2, name }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  };

  it('the owner adds a field, a select with an option through Add option, a status, a relation, and turns on receiver authentication', async () => {
    const { context, problems } = await consoleContext(browser);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signInWithForm(page, gateway, owner.email, owner.password);

    await page.getByRole('button', { name: 'New campaign' }).click();
    await page.getByRole('dialog', { name: 'New campaign' }).getByLabel('Name').fill('Heat pumps DK');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/console\/campaigns\/[^/]+\/fields$/);
    campaignId = /\/campaigns\/([^/]+)\/fields$/.exec(page.url())![1];
    await page.getByRole('heading', { level: 1, name: 'Heat pumps DK' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Fields' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Fields: a required phone field, its type chosen from the list.
    await page.getByRole('button', { name: 'New field' }).click();
    let dialog = await openDialog(page, 'New field');
    await dialog.getByRole('textbox', { name: 'Key' }).fill('Phone');
    await dialog.getByRole('textbox', { name: 'Label' }).fill('Phone');
    await dialog.getByRole('button', { name: 'Save' }).click();
    // The form checks the key as the API would, before sending it.
    await expect(errorBeside(dialog, 'Key').textContent()).resolves.toMatch(/lower_snake_case/);
    await dialog.getByRole('textbox', { name: 'Key' }).fill('phone');
    await dialog.getByRole('button', { name: /Type/ }).click();
    await page.getByRole('option', { name: 'Phone number (phone)' }).click();
    // React Aria keeps the input visually hidden: a person clicks the label.
    await dialog.locator('label.checkbox', { hasText: 'Required' }).click();
    expect(await dialog.getByRole('checkbox', { name: /Required/ }).isChecked()).toBe(true);
    await save(dialog);
    await page
      .getByRole('row')
      .filter({ hasText: /Phone.*phone.*Phone number.*Required/ })
      .waitFor();
    expect((await campaignNow()).fields).toEqual([{ key: 'phone', label: 'Phone', type: 'phone', required: true }]);

    // The same key again: the API's 409, beside the Key field, in its words.
    await page.getByRole('button', { name: 'New field' }).click();
    dialog = await openDialog(page, 'New field');
    await dialog.getByRole('textbox', { name: 'Key' }).fill('phone');
    await dialog.getByRole('textbox', { name: 'Label' }).fill('Another phone');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(errorBeside(dialog, 'Key').textContent()).resolves.toBe('Field phone already exists.');
    await expect(dialog.getByRole('alert').textContent()).resolves.toContain('Field phone already exists.');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Change its label.
    await page.getByRole('button', { name: 'Change Phone' }).click();
    dialog = await openDialog(page, 'Change field phone');
    await dialog.getByRole('textbox', { name: 'Label' }).fill('Phone number');
    await save(dialog);
    await page
      .getByRole('row')
      .filter({ hasText: /Phone number.*phone/ })
      .waitFor();
    expect((await campaignNow()).fields[0]).toMatchObject({ key: 'phone', label: 'Phone number', required: true });
    await screenshot(page, 'campaign-fields');
    await page.getByRole('button', { name: 'Remove Phone number' }).click();
    dialog = await openDialog(page, 'Remove the field “Phone number”?');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Selects: a new select with its first option, then the partner's option through Add option.
    await openTab(page, 'Selects');
    await page.getByRole('button', { name: 'New select' }).click();
    dialog = await openDialog(page, 'New select');
    await dialog.getByRole('textbox', { name: 'Key' }).fill('select_partner');
    await dialog.getByRole('textbox', { name: 'Label', exact: true }).fill('Source');
    await dialog.getByRole('textbox', { name: 'Option 1 value' }).fill('SELECT_WEBSITE');
    await dialog.getByRole('textbox', { name: 'Option 1 label' }).fill('Our website');
    await save(dialog);
    const source = page.getByRole('region', { name: 'Source' });
    await source.getByRole('button', { name: 'Add option' }).click();
    dialog = await openDialog(page, 'Add option to Source');
    await dialog.getByRole('textbox', { name: 'Value' }).fill('SELECT_PARTNER');
    await dialog.getByRole('textbox', { name: 'Label' }).fill('Partner ABC');
    await save(dialog);
    await source
      .getByRole('row')
      .filter({ hasText: /Partner ABC.*SELECT_PARTNER/ })
      .waitFor();
    expect((await campaignNow()).selects).toEqual([
      {
        key: 'select_partner',
        label: 'Source',
        options: [
          { value: 'SELECT_WEBSITE', label: 'Our website' },
          { value: 'SELECT_PARTNER', label: 'Partner ABC' },
        ],
      },
    ]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'campaign-selects');

    await source.getByRole('button', { name: 'Change Partner ABC' }).click();
    dialog = await openDialog(page, 'Change option SELECT_PARTNER');
    await dialog.getByRole('textbox', { name: 'Label' }).fill('Partner ABC (DK)');
    await save(dialog);
    await source.getByRole('row').filter({ hasText: 'Partner ABC (DK)' }).waitFor();
    expect((await campaignNow()).selects[0].options[1]).toEqual({ value: 'SELECT_PARTNER', label: 'Partner ABC (DK)' });
    await source.getByRole('button', { name: 'Change Source' }).click();
    dialog = await openDialog(page, 'Change select select_partner');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // A filter pins the partner's option: removing it is refused, in the API's words, and nothing changes.
    const filter = await admin('POST', `/v1/admin/campaigns/${campaignId}/filters`, {
      name: 'Partner ABC - API access',
      condition: { all: [{ select: 'select_partner', op: 'eq', value: 'SELECT_PARTNER' }] },
    });
    expect(filter.status).toBe(201);
    await source.getByRole('button', { name: 'Remove Partner ABC (DK)' }).click();
    dialog = await openDialog(page, 'Remove the option “Partner ABC (DK)”?');
    await expect(dialog.textContent()).resolves.toMatch(/A filter that names it blocks the removal/);
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await expect(dialog.getByRole('alert').textContent()).resolves.toMatch(
      /Filter "Partner ABC - API access" .* uses what this change removes/,
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await campaignNow()).selects[0].options).toHaveLength(2);
    // The website's option no filter names: removed, once confirmed.
    await source.getByRole('button', { name: 'Remove Our website' }).click();
    dialog = await openDialog(page, 'Remove the option “Our website”?');
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await campaignNow()).selects[0].options).toEqual([{ value: 'SELECT_PARTNER', label: 'Partner ABC (DK)' }]);

    // Statuses: `new` is the default; add `won`.
    await openTab(page, 'Statuses');
    await page
      .getByRole('row')
      .filter({ hasText: /New.*new.*1.*Default/ })
      .waitFor();
    await page.getByRole('button', { name: 'New status' }).click();
    dialog = await openDialog(page, 'New status');
    await dialog.getByRole('textbox', { name: 'Slug' }).fill('won');
    await dialog.getByRole('textbox', { name: 'Label' }).fill('Won');
    await save(dialog);
    await page
      .getByRole('row')
      .filter({ hasText: /Won.*won.*2/ })
      .waitFor();
    expect((await campaignNow()).statuses.map(({ slug, label, is_default }) => ({ slug, label, is_default }))).toEqual([
      { slug: 'new', label: 'New', is_default: true },
      { slug: 'won', label: 'Won', is_default: false },
    ]);

    await page.getByRole('button', { name: 'Change Won' }).click();
    dialog = await openDialog(page, 'Change status won');
    await dialog.getByRole('button', { name: /Position/ }).click();
    await page.getByRole('option', { name: '1', exact: true }).click();
    await dialog.locator('label.checkbox', { hasText: 'Default status' }).click();
    await save(dialog);
    await page
      .getByRole('row')
      .filter({ hasText: /Won.*won.*1.*Default/ })
      .waitFor();
    const statuses = (await campaignNow()).statuses;
    expect(statuses.map(({ slug, is_default, order }) => ({ slug, is_default, order }))).toEqual(
      expect.arrayContaining([
        { slug: 'won', is_default: true, order: 0 },
        { slug: 'new', is_default: false, order: 1 },
      ]),
    );
    await page.getByRole('button', { name: 'Remove New' }).click();
    dialog = await openDialog(page, 'Remove the status “New”?');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Relations: an installer relation with one option.
    await openTab(page, 'Relations');
    await page.getByRole('button', { name: 'New relation' }).click();
    dialog = await openDialog(page, 'New relation');
    await dialog.getByRole('textbox', { name: 'Key' }).fill('relation_installer');
    await dialog.getByRole('textbox', { name: 'Label', exact: true }).fill('Installer');
    await dialog.getByRole('textbox', { name: 'Option 1 id' }).fill('inst_1');
    await dialog.getByRole('textbox', { name: 'Option 1 label' }).fill('Installer A');
    await save(dialog);
    await page
      .getByRole('row')
      .filter({ hasText: /Installer.*relation_installer.*Installer A/ })
      .waitFor();
    expect((await campaignNow()).relations).toEqual([
      { key: 'relation_installer', label: 'Installer', options: [{ id: 'inst_1', label: 'Installer A' }] },
    ]);

    await page.getByRole('button', { name: 'Change Installer' }).click();
    dialog = await openDialog(page, 'Change relation relation_installer');
    await dialog.getByRole('button', { name: 'Add another option' }).click();
    await dialog.getByRole('textbox', { name: 'Option 2 id' }).fill('inst_2');
    await dialog.getByRole('textbox', { name: 'Option 2 label' }).fill('Installer B');
    await save(dialog);
    await page
      .getByRole('row')
      .filter({ hasText: /Installer B/ })
      .waitFor();
    expect((await campaignNow()).relations[0].options).toEqual([
      { id: 'inst_1', label: 'Installer A' },
      { id: 'inst_2', label: 'Installer B' },
    ]);

    // Receiver: posts from now on need an access token.
    await openTab(page, 'Receiver');
    const require = page.getByRole('switch', { name: 'Require authentication' });
    expect(await require.isChecked()).toBe(false);
    await page.locator('label.switch', { hasText: 'Require authentication' }).click();
    expect(await require.isChecked()).toBe(true);
    await page.getByText(/answered 401 and kept in Quarantine/).waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect((await campaignNow()).receiver).toEqual({ require_authentication: true });
    await screenshot(page, 'campaign-receiver');
    expect(await seriousA11yViolations(page)).toEqual([]);

    expect(problems).toEqual([]);
    await context.close();
  });

  it('a viewer sees the schema tabs without a write control, and the API refuses a forced change (403)', async () => {
    const viewer = await invitePerson([gateway], admin, 'viewer');
    const { context, problems } = await consoleContext(browser);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signInWithForm(page, gateway, viewer.email, strongPassword('viewer'));
    await page.goto(`${gateway}/console/campaigns/${campaignId}/fields`);
    await page.getByRole('heading', { level: 1, name: 'Heat pumps DK' }).waitFor();

    const writeControls = page.getByRole('button', { name: /^(New |Add |Change|Remove|Save)/ });
    for (const [tab, shown] of [
      ['Fields', page.getByRole('row').filter({ hasText: /Phone number/ })],
      [
        'Selects',
        page
          .getByRole('region', { name: 'Source' })
          .getByRole('row')
          .filter({ hasText: /Partner ABC/ }),
      ],
      ['Statuses', page.getByRole('row').filter({ hasText: /Won/ })],
      ['Relations', page.getByRole('row').filter({ hasText: /Installer A/ })],
      ['Receiver', page.getByText('Require authentication: On')],
    ] as const) {
      await openTab(page, tab);
      await shown.waitFor();
      expect(await writeControls.count()).toBe(0);
    }
    expect(await page.getByRole('switch').count()).toBe(0);

    // Forced, with the session's own CSRF token: the API still says no.
    const forced = await page.evaluate(async (id) => {
      const session = (await (await fetch('/v1/auth/session')).json()) as { csrf_token: string };
      const answer = await fetch(`/v1/admin/campaigns/${id}/fields`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrf_token },
        body: JSON.stringify({ key: 'sneaky', label: 'Sneaky', type: 'text' }),
      });
      return answer.status;
    }, campaignId);
    expect(forced).toBe(403);
    expect((await campaignNow()).fields.map((field) => field.key)).toEqual(['phone']);
    expect(problems).toEqual([]);
    await context.close();
  });
});
