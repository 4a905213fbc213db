// @ts-check
// Reads the V8 CPU profiles that `--cpu-prof` wrote and names the top costs: self time per function
// and per package, so a number far from its reference comes with where the time went.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The V8 .cpuprofile format, as far as it is read here.
 * @typedef {{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }} ProfileNode
 * @typedef {{ nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }} CpuProfile
 */
/** @typedef {{ name: string; percent: number }} Cost */

/** The package (or our app or lib) a script URL belongs to. @param {string} url */
function owner(url) {
  if (!url) return '(native / idle / gc)';
  const modules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (modules) return modules[1];
  const ours = url.match(/dist\/(apps|libs)\/([^/]+)/);
  if (ours) return `${ours[1]}/${ours[2]}`;
  if (url.startsWith('node:')) return 'node core';
  return url.split('/').slice(-2).join('/');
}

/**
 * Top self-time functions and packages of one .cpuprofile, as percentages of busy (non-idle) time.
 * @param {string} file
 * @returns {{ busyMs: number; functions: Cost[]; packages: Cost[] }}
 */
export function summarizeProfile(file, top = 12) {
  const profile = /** @type {CpuProfile} */ (JSON.parse(readFileSync(file, 'utf8')));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  /** @type {Map<number, number>} */
  const self = new Map();
  profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  /** @type {Map<string, number>} */
  const functions = new Map();
  /** @type {Map<string, number>} */
  const packages = new Map();
  let busy = 0;
  for (const [id, micros] of self) {
    // Every sample names a node of the same profile.
    const { functionName, url, lineNumber } = /** @type {ProfileNode} */ (byId.get(id)).callFrame;
    if (functionName === '(idle)' || functionName === '(program)') continue;
    busy += micros;
    const name =
      `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${lineNumber + 1}` : ''}`.trim();
    functions.set(name, (functions.get(name) ?? 0) + micros);
    packages.set(owner(url), (packages.get(owner(url)) ?? 0) + micros);
  }
  const ranked = (/** @type {Map<string, number>} */ map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => ({ name, percent: Number(((100 * micros) / busy).toFixed(1)) }));
  return { busyMs: Math.round(busy / 1000), functions: ranked(functions), packages: ranked(packages) };
}

/** The .cpuprofile files in `dir` (none when it does not exist, or is null). @param {string | null} dir */
export function profilesIn(dir) {
  if (dir === null) return [];
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.cpuprofile'))
      .map((name) => path.join(dir, name));
  } catch {
    return [];
  }
}
