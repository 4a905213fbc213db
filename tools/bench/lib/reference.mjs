// @ts-check
// Starts a reference server (tools/bench/references/*.mjs) as its own process, as the services run.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { freePort, root } from './cluster.mjs';

/**
 * @param {string} name the file name under tools/bench/references, without .mjs
 * @param {Record<string, string>} env
 */
export async function startReference(name, env = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, 'tools/bench/references', `${name}.mjs`), String(port)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  /** @type {Promise<void>} */
  const listening = new Promise((resolve, reject) => {
    child.stdout.on('data', (/** @type {Buffer} */ chunk) => chunk.toString().includes('listening') && resolve());
    child.once('exit', (code) => reject(new Error(`reference ${name} exited (${code})`)));
  });
  await listening;
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    stop: () => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM'))),
  };
}
