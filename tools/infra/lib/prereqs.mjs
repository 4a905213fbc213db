// @ts-check
// Tool checks up front, so a fresh machine gets one clear "install X" message instead of a stack
// trace halfway through. Only what the current `up` actually needs is checked: with warm caches
// neither mvn nor go is required, only java (and PostgreSQL for that backend).
import fs from 'node:fs';
import { delimiter, join } from 'node:path';
import { run } from './proc.mjs';

export const MIN = { node: 20, java: 17, go: [1, 24] };

export function which(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const file = join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      /* keep looking */
    }
  }
  return null;
}

/** Debian keeps server binaries (initdb, pg_ctl, postgres) off PATH, under /usr/lib/postgresql/<v>/bin. */
export function findPostgresBin(name) {
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base)
    ? fs
        .readdirSync(base)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const v of versions) {
    const file = join(base, v, 'bin', name);
    if (fs.existsSync(file)) return file;
  }
  return which(name);
}

async function versionOf(cmd, args, pattern) {
  if (!which(cmd)) return null;
  const res = await run(cmd, args).catch(() => null);
  return res?.output.match(pattern) ?? 'unknown';
}

/**
 * @param {{ mvn?: boolean, go?: boolean, postgres?: boolean }} needs
 * @returns {Promise<string[]>} human-readable problems, empty when all is well
 */
export async function checkPrerequisites(needs) {
  const problems = [];
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  if (nodeMajor < MIN.node) problems.push(`Node.js ${MIN.node}+ (found ${process.versions.node})`);

  const java = await versionOf('java', ['-version'], /version "(\d+)(?:\.(\d+))?/);
  if (!java) problems.push('Java 17+ (not found): apt-get install openjdk-17-jre-headless');
  else if (java !== 'unknown') {
    const major = java[1] === '1' ? Number(java[2]) : Number(java[1]); // "1.8.0" is Java 8
    if (major < MIN.java) problems.push(`Java 17+ (found ${major}): apt-get install openjdk-17-jre-headless`);
  }

  if (needs.mvn && !which('mvn')) problems.push('Maven 3.6+ (resolves the Kafka jars): apt-get install maven');

  if (needs.go) {
    const go = await versionOf('go', ['version'], /go(\d+)\.(\d+)/);
    const hint = 'from https://go.dev/dl/ (distribution packages are often older)';
    if (!go) problems.push(`Go ${MIN.go.join('.')}+ (builds the FerretDB launcher) ${hint}`);
    else if (go !== 'unknown') {
      const [maj, min] = [Number(go[1]), Number(go[2])];
      if (maj < MIN.go[0] || (maj === MIN.go[0] && min < MIN.go[1])) {
        problems.push(`Go ${MIN.go.join('.')}+ (found ${maj}.${min}) ${hint}`);
      }
    }
  }

  if (needs.postgres && !(findPostgresBin('initdb') && findPostgresBin('pg_ctl') && findPostgresBin('postgres'))) {
    problems.push(
      'PostgreSQL server binaries (initdb, pg_ctl) for the postgresql backend: apt-get install postgresql ' +
        '(or use the SQLite backend: LEADGATE_DB_BACKEND=sqlite / --backend sqlite)',
    );
  }
  return problems;
}
