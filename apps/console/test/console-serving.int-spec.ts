import {
  consoleContext,
  launchChromium,
  Platform,
  REPO_ROOT,
  seriousA11yViolations,
  accountWithOwner,
  signInWithForm,
  startPlatform,
  waitFor,
} from '@leadgate/testing';
import { spawnSync } from 'node:child_process';
import { Browser } from 'playwright-core';

/**
 * The console as the gateway serves it (API.md §11, issue 15): static files with a strict
 * Content-Security-Policy, long-cached hashed assets, the app's page for every route below
 * /console, and sign-in / sign-out / an ended session in a real browser.
 */
describe('console: served by the gateway, signed in with a session', () => {
  let platform: Platform;
  let browser: Browser;
  let gateway: string;
  let owner: { email: string; password: string };

  beforeAll(async () => {
    platform = await startPlatform({ apps: ['identity', 'campaigns', 'leads', 'docs'] });
    gateway = platform.gateway.url;
    ({ owner } = await accountWithOwner(platform, 'Console test'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('serves the page with a strict CSP and a fresh nonce each time, the hashed assets for a year, and 404 for a missing asset', async () => {
    const page = await fetch(`${gateway}/console/campaigns/anything`, { headers: { 'accept-encoding': 'gzip' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toMatch(/style-src 'self' 'nonce-[\w+/=]{24}';/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    const html = await page.text();
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    // React Aria reads it here for the one <style> it injects; the placeholder never leaks.
    expect(html).toContain(`<meta property="csp-nonce" nonce="${nonce}">`);
    expect(html).not.toContain('__LEADGATE_CSP_NONCE__');
    const second = await fetch(`${gateway}/console`);
    expect(second.headers.get('content-security-policy')).not.toContain(nonce);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    expect(html).not.toMatch(/<style/);
    const assets = [...html.matchAll(/(?:src|href)="(\/console\/assets\/[^"]+)"/g)].map((match) => match[1]);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      const answer = await fetch(`${gateway}${asset}`, { headers: { 'accept-encoding': 'gzip' } });
      // The production build (React's development build is over 800 KB): what the tests see is what ships.
      if (asset.endsWith('.js')) expect((await answer.clone().arrayBuffer()).byteLength).toBeLessThan(650_000);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      const again = await fetch(`${gateway}${asset}`, { headers: { 'if-none-match': answer.headers.get('etag')! } });
      expect(again.status).toBe(304);
    }
    const missing = await fetch(`${gateway}/console/assets/nope.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    const traversal = await fetch(`${gateway}/console/assets/..%2f..%2fpackage.json`);
    expect(traversal.status).toBe(404);
    const head = await fetch(`${gateway}/console`, { method: 'HEAD' });
    expect(head.status).toBe(200);
  });

  it('signs in with E-mail and Password, refuses a wrong password in the API words, signs out, and handles an ended session', async () => {
    const { context, problems } = await consoleContext(browser);
    const page = await context.newPage();
    await page.goto(`${gateway}/console/campaigns`);
    await page.waitForURL(/\/console\/sign-in\?next=/);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('E-mail').fill(owner.email);
    await page.getByLabel('Password', { exact: true }).fill('not-the-password-at-all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/e-mail or the password is wrong/i);

    await signInWithForm(page, gateway, owner.email, owner.password);
    await page.waitForURL(/\/console\/campaigns$/);
    await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The session ends elsewhere (sign-out from another tab): the next call lands on sign-in, told why.
    const cookies = await context.cookies(gateway);
    const session = cookies.find((cookie) => cookie.name === 'leadgate_session')!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Strict');
    const csrf = await page.evaluate(async () => {
      const answer = await fetch('/v1/auth/session');
      return ((await answer.json()) as { csrf_token: string }).csrf_token;
    });
    const out = await fetch(`${gateway}/v1/auth/logout`, {
      method: 'POST',
      headers: { cookie: `leadgate_session=${session.value}`, 'x-csrf-token': csrf },
    });
    expect(out.status).toBe(204);
    // The next page that calls the API finds out (the console does not poll: that would keep an idle session alive).
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL(/\/console\/sign-in/);
    await page.getByText('Your session has ended').waitFor();

    // Sign in again and out with the button: the cookie is gone and the API says 401.
    await signInWithForm(page, gateway, owner.email, owner.password);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/console\/sign-in/);
    const after = await page.evaluate(async () => (await fetch('/v1/auth/session')).status);
    expect(after).toBe(401);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('sets a password from an invitation link page, and shows the API refusing a used or forged link', async () => {
    const { context, problems } = await consoleContext(browser);
    const page = await context.newPage();
    await page.goto(`${gateway}/console/accept-invite#token=lgi_forged_or_used_already`);
    await page.getByRole('heading', { level: 1, name: 'Set your password' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Password', { exact: true }).fill('long-enough-password-1');
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByRole('alert').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('console: the admin OpenAPI its client is generated from', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await startPlatform({ apps: ['identity', 'campaigns', 'leads', 'docs'] });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('is the document the running platform serves at /docs/admin/openapi.json', async () => {
    const generated = spawnSync(process.execPath, ['tools/build/admin-openapi.mjs', '--print'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(generated.status).toBe(0);
    const offline = JSON.parse(generated.stdout) as { paths: Record<string, unknown> };
    // The docs service merges what each service published on start: wait until all three have.
    const served = await waitFor('every service in the admin docs', async () => {
      const answer = await fetch(`${platform.gateway.url}/docs/admin/openapi.json`);
      const document = (await answer.json()) as { paths: Record<string, unknown> };
      return Object.keys(document.paths).length >= Object.keys(offline.paths).length ? document : undefined;
    });
    expect(served).toEqual(offline);
  });
});
