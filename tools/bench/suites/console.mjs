// @ts-check
// 7. Console: the web console's bundle (raw and gzip bytes, as the gateway sends it) and its first
// load in headless Chromium: the sign-in page until its form can be used, cold (empty cache) and
// warm, through the gateway and from a bare static server holding the same files (the reference);
// then a signed-in page (session check plus the campaigns list from the API) until it shows.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadHarness } from '../../lib/built.mjs';
import { root } from '../lib/cluster.mjs';
import { round } from '../lib/load.mjs';
import { startReference } from '../lib/reference.mjs';

const harness = await loadHarness();

/**
 * The built console in KiB, raw and gzip: what the first page load fetches (the page and the files
 * it names: entry script, preloads, stylesheet) and all of it (every page's chunk, loaded when opened).
 */
function bundleRows() {
  const dir = path.join(root, 'dist/console');
  const page = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const all = ['index.html', ...readdirSync(path.join(dir, 'assets')).map((name) => `assets/${name}`)];
  const first = ['index.html', ...[...page.matchAll(/(?:src|href)="\/console\/(assets\/[^"]+)"/g)].map((m) => m[1])];
  const sizes = (/** @type {string[]} */ files) => {
    const bodies = files.map((file) => readFileSync(path.join(dir, file)));
    return {
      KiB: round(bodies.reduce((sum, body) => sum + body.length, 0) / 1024),
      'gzip KiB': round(bodies.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0) / 1024),
    };
  };
  return [
    { case: `bundle: first load (${first.length} files)`, ...sizes(first) },
    { case: `bundle: every page (${all.length} files)`, ...sizes(all) },
  ];
}

/**
 * Milliseconds from navigation start until the sign-in form's button can be pressed, and the
 * navigation timing's DOMContentLoaded and load, medians over `runs` fresh contexts (cold) or
 * reloads in one context (warm).
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {number} runs
 */
async function firstLoad(browser, url, runs) {
  /** @type {Record<'cold' | 'warm', number[][]>} */
  const samples = { cold: [], warm: [] };
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const kind of /** @type {const} */ (['cold', 'warm'])) {
      await page.goto(url);
      await page.getByRole('button', { name: 'Sign in' }).waitFor({ state: 'visible' });
      const [interactive, dcl, load] = await page.evaluate(`(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        return [performance.now(), nav.domContentLoadedEventEnd, nav.loadEventEnd];
      })()`);
      samples[kind].push([interactive, dcl, load]);
    }
    await context.close();
  }
  const median = (/** @type {number[]} */ values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return Object.fromEntries(
    Object.entries(samples).map(([kind, rows]) => [
      kind,
      [0, 1, 2].map((column) => round(median(rows.map((row) => row[column])))),
    ]),
  );
}

/** @type {import('../lib/suite.mjs').Suite} */
export async function consoleLoad({ cluster, settings, log }) {
  const runs = settings.quick ? 2 : 15;
  const gateway = cluster.platform.gateways[0].url;
  const browser = await harness.launchChromium();
  const reference = await startReference('static-console');
  try {
    log(`console: first load, ${runs} cold and warm runs each, gateway and reference`);
    const viaGateway = await firstLoad(browser, `${gateway}/console/sign-in`, runs);
    const viaReference = await firstLoad(browser, `${reference.url}/console/sign-in`, runs);
    /** @type {import('../lib/suite.mjs').Row[]} */
    const rows = bundleRows();
    for (const [name, result] of [
      ['gateway', viaGateway],
      ['reference: bare static server', viaReference],
    ]) {
      for (const kind of ['cold', 'warm']) {
        const [interactive, dcl, load] = result[kind];
        rows.push({
          case: `sign-in page, ${kind}, ${name}`,
          'interactive ms': interactive,
          'DOMContentLoaded ms': dcl,
          'load ms': load,
        });
      }
    }
    rows.push(await signedInPage(cluster, browser, gateway, runs));
    return {
      title: 'Console: bundle and first load (headless Chromium on this machine)',
      load: `${runs} runs per case, medians; "interactive" = navigation start until the Sign in button is visible and enabled`,
      rows,
    };
  } finally {
    await reference.stop();
    await browser.close();
  }
}

/**
 * Signed in (the cookie already set), a fresh tab on /console/campaigns until the Campaigns table shows.
 * @param {import('../lib/cluster.mjs').Cluster} cluster
 * @param {import('playwright-core').Browser} browser
 * @param {string} gateway
 * @param {number} runs
 */
async function signedInPage(cluster, browser, gateway, runs) {
  const owner = { email: `bench-owner-${Date.now()}@example.com`, password: 'bench-owner-correct-horse' };
  await harness.setUpAccount('Bench console', {
    identityUrl: cluster.platform.identity.url,
    gatewayUrls: [gateway],
    signingKey: cluster.keys.operator.private,
    tokenId: `operator:${cluster.runId}`.slice(0, 64),
    owner,
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  await harness.signInWithForm(page, gateway, owner.email, owner.password);
  const times = [];
  for (let run = 0; run < runs; run++) {
    const tab = await context.newPage();
    await tab.goto(`${gateway}/console/campaigns`);
    await tab.getByRole('grid', { name: 'Campaigns' }).waitFor();
    times.push(await tab.evaluate('performance.now()'));
    await tab.close();
  }
  await context.close();
  const sorted = times.map(Number).sort((a, b) => a - b);
  return {
    case: 'campaigns page, signed in, warm cache, gateway',
    'interactive ms': round(sorted[Math.floor(sorted.length / 2)]),
  };
}
