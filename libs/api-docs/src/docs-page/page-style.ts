import { createHash } from 'node:crypto';

/**
 * The page's only style sheet. Two columns on wide screens (a sticky navigation beside the
 * content), one column on narrow ones; code wraps, so nothing is cut off and nothing scrolls sideways.
 */
export const PAGE_STYLE = [
  'body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1d2330;background:#fff}',
  '.layout{display:grid;grid-template-columns:1fr;max-width:78rem;margin:0 auto;padding:0 1rem}',
  '@media (min-width:64rem){.layout{grid-template-columns:15rem minmax(0,1fr);gap:2.5rem}',
  'nav.toc{position:sticky;top:0;align-self:start;max-height:100vh;overflow-y:auto}}',
  'nav.toc{padding:1rem 0;border-bottom:1px solid #d5dae0}nav.toc ul{list-style:none;margin:0;padding:0 0 0 .8rem}',
  'nav.toc>ul{padding:0}nav.toc li{margin:.15rem 0}nav.toc a{color:#1f4f8a;text-decoration:none}',
  'nav.toc a:hover,nav.toc a:focus{text-decoration:underline}nav.toc .toc-title{font-weight:bold;margin:0 0 .4rem}',
  'main{min-width:0;padding-bottom:4rem}a{color:#1f4f8a}',
  'code,pre{font-family:ui-monospace,Menlo,monospace;font-size:.9em}',
  'pre{background:#f4f6f8;padding:.75rem;white-space:pre-wrap;overflow-wrap:anywhere;border-radius:4px;margin:.3rem 0 .8rem}',
  'table{border-collapse:collapse;margin:.5rem 0}',
  'th,td{border:1px solid #d5dae0;padding:.3rem .6rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}',
  '.pinned{background:#fff3c4;padding:0 .3rem;border-radius:3px}',
  '.method{font-weight:bold;padding:0 .3rem;border-radius:3px;color:#fff}',
  '.get{background:#2b6cb0}.post{background:#2f855a}.patch{background:#975a16}',
  'section.op{border-top:1px solid #e2e6ea;margin-top:1.5rem}',
  'h2{border-bottom:2px solid #1d2330;margin-top:2.5rem}',
  '.badge{font-size:.85em;font-weight:bold;padding:0 .4rem;border-radius:3px;white-space:nowrap}',
  '.masked{background:#e9d8fd;color:#44337a}.read-only{background:#e2e8f0;color:#1a202c}',
  '.lang{font-weight:bold;margin:.6rem 0 0}.status{font-weight:bold}',
].join('\n');

/**
 * The page's Content-Security-Policy: no script, no image, no connection, nothing framed or framing;
 * style only the one sheet above, allowed by its hash (no `unsafe-inline`). The page renders
 * `<style>` with exactly PAGE_STYLE inside, so the hash matches.
 */
export const DOCS_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(PAGE_STYLE).digest('base64')}'`,
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
