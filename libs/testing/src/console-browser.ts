import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { REPO_ROOT } from './repo-root';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Headless Debian Chromium (.ci/run installs it; CHROMIUM_PATH for another binary). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Where tests leave screenshots (docs/screenshots holds committed copies). */
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'tmp', 'screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/**
 * A browser context on the console that records what a person would never see but must not
 * happen: Content-Security-Policy violations and uncaught page errors.
 */
export async function consoleContext(browser: Browser): Promise<{ context: BrowserContext; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const problems: string[] = [];
  // Says where a violation came from (the browser's own console message does not).
  await context.addInitScript(`document.addEventListener('securitypolicyviolation', (event) =>
    console.error('CSP violation', event.violatedDirective, event.sourceFile + ':' + event.lineNumber + ':' + event.columnNumber, JSON.stringify(event.sample)))`);
  context.on('page', (page) => watch(page, problems));
  return { context, problems };
}

function watch(page: Page, problems: string[]): void {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy|CSP violation/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
  });
}

/** Signs in through the console's own form, as a person does. */
export async function signInWithForm(page: Page, gatewayUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${gatewayUrl}/console/sign-in`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

let axeSource: string | undefined;

/**
 * axe-core on the page as it is now: the serious and critical violations (WCAG 2.x A/AA rules and
 * best practices). Injected through the DevTools protocol, so the page's CSP is not loosened for it.
 */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  // A string, not a function: this library is compiled for Node (no DOM types); it runs in the page.
  const violations = await page.evaluate<AxeViolation[]>(`(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target, html: node.html })),
    }));
  })()`);
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}
