import {
  campaignCreateBody,
  consoleContext,
  expectStatus,
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
import { Browser, Page } from 'playwright-core';

type Json = Record<string, unknown>;

const HELD_NAME = 'Held <img src=x onerror=alert(1)>';

/** Picks `option` in the React Aria Select labelled `label` inside the open dialog. */
async function chooseInDialog(page: Page, label: RegExp, option: RegExp): Promise<void> {
  await page.getByRole('dialog').getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

/**
 * The account pages of the console (issue 15): Quarantine (release, the API's 422, discard), the
 * audit log, Users (invite, link, role change, last owner), Settings, and what a viewer and a
 * developer may see and do.
 */
describe('console: quarantine, audit log, users and settings', () => {
  let platform: Platform;
  let browser: Browser;
  let gateway: string;
  let admin: GatewayClient;
  let owner: { email: string; password: string };
  let campaignId: string;
  let receiver: (body: Json) => Promise<number>;

  beforeAll(async () => {
    platform = await startPlatform({ apps: ['identity', 'campaigns', 'leads'] });
    gateway = platform.gateway.url;
    ({ owner, admin } = await accountWithOwner(platform, 'Console admin'));
    const body = campaignCreateBody({
      name: 'Web form',
      fields: ['name', 'email'],
      selects: ['select_partner'],
      relations: false,
    });
    campaignId = String(expectStatus(await admin('POST', '/v1/admin/campaigns', body), 201, 'campaign')['id']);
    expectStatus(
      await admin('PUT', `/v1/admin/campaigns/${campaignId}/receiver`, { require_authentication: true }),
      200,
      'receiver',
    );
    receiver = async (post: Json) =>
      (
        await fetch(`${gateway}/receiver/v1/campaigns/${campaignId}/leads`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(post),
        })
      ).status;
    // The receiver learns the campaign and its setting through Kafka: until then a post may be a lead or a 404.
    let probe = 0;
    await waitFor(
      'the receiver to require a token',
      async () => (await receiver({ name: `Probe ${++probe}` })) === 401,
    );
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  const heldPosts = async () => ((await admin('GET', '/v1/admin/quarantine')).body.data ?? []) as Json[];
  const heldWith = async (key: string, value: string) =>
    (await heldPosts()).find((post) => (post['body'] as Json)[key] === value);
  const heldByName = (name: string) => heldWith('name', name);

  it('holds a post without a token, shows it as text, releases it into the campaign, shows the 422 of an invalid one, and discards', async () => {
    expect(await receiver({ name: HELD_NAME, email: 'held@example.com', select_partner: 'SELECT_PARTNER' })).toBe(401);
    expect(await receiver({ email: 'no-name@example.com' })).toBe(401);
    const { context, problems } = await consoleContext(browser);
    const page = await context.newPage();
    await signInWithForm(page, gateway, owner.email, owner.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quarantine' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quarantine' }).waitFor();
    const table = page.getByRole('grid', { name: 'Quarantined posts' });
    const row = (text: string) => table.getByRole('row').filter({ hasText: text });
    await row(HELD_NAME).waitFor();
    // A stranger's post is text on the page, never markup.
    expect(await table.locator('img').count()).toBe(0);
    await expect(row(HELD_NAME).textContent()).resolves.toContain('No token');
    await expect(row(HELD_NAME).textContent()).resolves.toContain('Web form');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'quarantine');

    // Invalid as a lead (the campaign requires a name): the API's 422, and the post stays held.
    await row('no-name@example.com').getByRole('button', { name: 'Release' }).click();
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toMatch(/fields\.name/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await heldWith('email', 'no-name@example.com')).toBeDefined();

    await row(HELD_NAME).getByRole('button', { name: 'Release' }).click();
    const released = page.getByRole('status').filter({ hasText: 'Released' });
    await released.waitFor();
    const leadId = (await released.getByRole('link').textContent())!;
    const lead = await admin('GET', `/v1/campaigns/${campaignId}/leads/${leadId}`);
    expect(lead.status).toBe(200);
    expect(lead.body).toMatchObject({ fields: { name: HELD_NAME }, source: { kind: 'receiver' } });
    await row(HELD_NAME).waitFor({ state: 'detached' });
    expect(await heldByName(HELD_NAME)).toBeUndefined();

    // Discard, after confirming.
    const probe = (await heldPosts()).find((post) => String((post['body'] as Json)['name']).startsWith('Probe'))!;
    const probeName = String((probe['body'] as Json)['name']);
    await row(probeName).getByRole('button', { name: 'Discard' }).click();
    const dialog = page.getByRole('dialog', { name: 'Discard this post?' });
    await dialog.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Discard' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row(probeName).waitFor({ state: 'detached' });
    expect(await heldByName(probeName)).toBeUndefined();
    expect(problems).toEqual([]);
    await context.close();
  });

  it("shows the release in the audit log, newest first, with the owner's name", async () => {
    const entries = await waitFor('the release in the audit log', async () => {
      const answer = await admin('GET', '/v1/admin/audit?limit=50');
      const data = (answer.body.data ?? []) as Json[];
      return data.some((entry) => entry['action'] === 'quarantine.release') ? data : undefined;
    });
    const release = entries.find((entry) => entry['action'] === 'quarantine.release')!;
    expect(release['actor']).toMatchObject({ kind: 'user', name: owner.email });
    const { context, problems } = await consoleContext(browser);
    const page = await context.newPage();
    await signInWithForm(page, gateway, owner.email, owner.password);
    await page.goto(`${gateway}/console/audit`);
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    const table = page.getByRole('grid', { name: 'Audit log' });
    const row = table.getByRole('row').filter({ hasText: String(release['request_id']) });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('quarantine: release');
    expect(text).toContain(owner.email);
    expect(text).toContain(String((release['target'] as Json)['id']));
    // Newest first: the first row is the API's first entry (the sign-in just now may be newer than the list above).
    const firstShown = (await table.locator('tbody tr').first().textContent()) ?? '';
    const newest = ((await admin('GET', '/v1/admin/audit?limit=1')).body.data as Json[])[0];
    expect(firstShown).toContain(String(newest['request_id']));
    await page.getByRole('status').filter({ hasText: 'That is the whole log.' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'audit-log');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('invites a developer with a link shown once, which accepts; changes the role; refuses removing the last owner', async () => {
    const { context, problems } = await consoleContext(browser);
    const page = await context.newPage();
    await signInWithForm(page, gateway, owner.email, owner.password);
    await page.goto(`${gateway}/console/users`);
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await page.getByRole('button', { name: 'Invite' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite a person' });
    await dialog.waitFor();
    // An owner may grant every role, owners included.
    await dialog.getByRole('button', { name: /Role/ }).click();
    await expect(page.getByRole('option').allTextContents()).resolves.toHaveLength(4);
    await page.keyboard.press('Escape');
    expect(await seriousA11yViolations(page)).toEqual([]);
    const email = `dev-${Date.now()}@example.com`;
    await dialog.getByLabel('E-mail').fill(email);
    await chooseInDialog(page, /Role/, /^Developer/);
    await dialog.getByRole('button', { name: 'Invite' }).click();
    const link = await dialog.getByLabel('Invitation link').inputValue();
    expect(link).toContain('#token=');
    await dialog.getByText('Whoever opens this link').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Done' }).click();
    const row = page.getByRole('grid', { name: 'People' }).getByRole('row').filter({ hasText: email });
    await expect(row.textContent()).resolves.toContain('Invited, not accepted yet');
    await screenshot(page, 'users');

    const token = new URL(link).hash.replace('#token=', '');
    const accepted = await fetch(`${gateway}/v1/auth/accept-invite`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, password: strongPassword('developer') }),
    });
    expect(accepted.status).toBe(200);
    await page.reload();
    await expect(row.textContent()).resolves.toMatch(/Developer.*Active/);

    await row.getByRole('button', { name: 'Change role' }).click();
    await page.getByRole('dialog', { name: 'Change role' }).waitFor();
    await chooseInDialog(page, /Role/, /^Viewer/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await waitFor('the new role in the list', async () => ((await row.textContent()) ?? '').includes('Viewer'));
    const users = (await admin('GET', '/v1/admin/users')).body.data as Json[];
    expect(users.find((user) => user['email'] === email)).toMatchObject({ role: 'viewer', status: 'active' });

    // The only owner cannot remove themselves: the API's 409, in the dialog.
    const me = page.getByRole('grid', { name: 'People' }).getByRole('row').filter({ hasText: owner.email });
    await me.getByRole('button', { name: 'Remove' }).click();
    const remove = page.getByRole('dialog', { name: 'Remove this person?' });
    await remove.getByRole('button', { name: 'Remove' }).click();
    await expect(remove.getByRole('alert').textContent()).resolves.toMatch(/at least one owner/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await remove.getByRole('button', { name: 'Cancel' }).click();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('saves the default rate limit', async () => {
    const { context, problems } = await consoleContext(browser);
    const page = await context.newPage();
    await signInWithForm(page, gateway, owner.email, owner.password);
    await page.goto(`${gateway}/console/settings`);
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const field = page.getByLabel('Default rate limit (requests per minute)');
    await field.fill('600');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect((await admin('GET', '/v1/admin/account')).body['default_rate_limit_per_minute']).toBe(600);
    await field.fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'platform default' }).waitFor();
    expect((await admin('GET', '/v1/admin/account')).body['default_rate_limit_per_minute']).toBeNull();
    await screenshot(page, 'settings');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a viewer no write controls, and the API refuses the forced POST; a developer is told what it cannot read', async () => {
    const inviter = (method: string, path: string, body?: unknown) => admin(method, path, body);
    const viewer = await invitePerson([gateway], inviter, 'viewer');
    const developer = await invitePerson([gateway], inviter, 'developer');
    const held = (await heldPosts())[0];
    expect(held).toBeDefined();

    const { context, problems } = await consoleContext(browser);
    const page = await context.newPage();
    await signInWithForm(page, gateway, viewer.email, strongPassword('viewer'));
    await page.goto(`${gateway}/console/quarantine`);
    await page.getByRole('grid', { name: 'Quarantined posts' }).getByRole('row').nth(1).waitFor();
    expect(await page.getByRole('button', { name: 'Release' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Discard' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.goto(`${gateway}/console/users`);
    await page.getByRole('grid', { name: 'People' }).getByRole('row').filter({ hasText: viewer.email }).waitFor();
    expect(await page.getByRole('button', { name: 'Invite' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Change role' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.goto(`${gateway}/console/settings`);
    await page.getByText('Only owners and admins can see and change the account settings.').waitFor();
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.goto(`${gateway}/console/audit`);
    await page.getByRole('grid', { name: 'Audit log' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Forced past the console: the API refuses the viewer's writes.
    const forced = await page.evaluate(
      async ([postId]) => {
        const session = (await (await fetch('/v1/auth/session')).json()) as { csrf_token: string };
        const post = (path: string, body?: unknown) =>
          fetch(path, {
            method: 'POST',
            headers: { 'x-csrf-token': session.csrf_token, 'content-type': 'application/json' },
            body: body === undefined ? undefined : JSON.stringify(body),
          }).then((answer) => answer.status);
        return [
          await post(`/v1/admin/quarantine/${postId}/release`),
          await post('/v1/admin/users', { email: 'sneaky@example.com', role: 'viewer' }),
        ];
      },
      [String(held['id'])],
    );
    expect(forced).toEqual([403, 403]);
    expect((await heldPosts()).map((post) => post['id'])).toContain(held['id']);
    await context.close();

    // A developer: no users:read, no audit:read, no admin. The pages say so instead of failing.
    const developerContext = await consoleContext(browser);
    const devPage = await developerContext.context.newPage();
    await signInWithForm(devPage, gateway, developer.email, strongPassword('developer'));
    for (const [path, words] of [
      ['users', "Your role cannot see the account's people."],
      ['audit', 'Your role cannot read the audit log.'],
      ['settings', 'Only owners and admins can see and change the account settings.'],
    ]) {
      await devPage.goto(`${gateway}/console/${path}`);
      await devPage.getByText(words).waitFor();
      expect(await devPage.getByRole('alert').count()).toBe(0);
      expect(await seriousA11yViolations(devPage)).toEqual([]);
    }
    // A developer may release (leads:write).
    await devPage.goto(`${gateway}/console/quarantine`);
    await devPage.getByRole('button', { name: 'Release' }).first().waitFor();
    expect(problems).toEqual([]);
    expect(developerContext.problems).toEqual([]);
    await developerContext.context.close();
  });
});
