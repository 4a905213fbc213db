// Reads the V8 CPU profiles that `--cpu-prof` wrote and names the top costs: self time per function
// and per package, so a number far from its reference comes with where the time went.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

function owner(url) {
  if (!url) return '(native / idle / gc)';
  const modules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (modules) return modules[1];
  const ours = url.match(/dist\/(apps|libs)\/([^/]+)/);
  if (ours) return `${ours[1]}/${ours[2]}`;
  if (url.startsWith('node:')) return 'node core';
  return url.split('/').slice(-2).join('/');
}

/** Top self-time functions and packages of one .cpuprofile, as percentages of busy (non-idle) time. */
export function summarizeProfile(file, top = 12) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const functions = new Map();
  const packages = new Map();
  let busy = 0;
  for (const [id, micros] of self) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    if (functionName === '(idle)' || functionName === '(program)') continue;
    busy += micros;
    const name =
      `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${lineNumber + 1}` : ''}`.trim();
    functions.set(name, (functions.get(name) ?? 0) + micros);
    packages.set(owner(url), (packages.get(owner(url)) ?? 0) + micros);
  }
  const ranked = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => ({ name, percent: Number(((100 * micros) / busy).toFixed(1)) }));
  return { busyMs: Math.round(busy / 1000), functions: ranked(functions), packages: ranked(packages) };
}

export function profilesIn(dir) {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.cpuprofile'))
      .map((name) => path.join(dir, name));
  } catch {
    return [];
  }
}
