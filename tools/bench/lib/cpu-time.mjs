// @ts-check
// CPU time a process has used (user + system), from /proc (Linux): what a request costs the server
// itself, apart from the load generator and the rest of the machine that share its cores.
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * @param {number | undefined} pid
 * @returns {number | null} CPU milliseconds used so far, or null when the process is gone
 */
export function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: count fields from after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [utime, stime] = [Number(fields[11]), Number(fields[12])];
    return ((utime + stime) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** Infrastructure processes by command line; the first pattern that matches names the group. */
const INFRA_GROUPS = [
  // Before FerretDB: a PostgreSQL backend's title names the database it serves ("postgres: ... ferretdb").
  { pattern: /^postgres:|\/bin\/postgres /, group: 'PostgreSQL' },
  { pattern: /\bkafka\.Kafka\b/, group: 'Kafka broker' },
  { pattern: /ferretdb/i, group: 'FerretDB' },
];

/**
 * CPU milliseconds used so far by every process on the machine that the run is made of, summed by
 * group: the given pids by their names, Kafka, FerretDB and PostgreSQL by command line (every
 * PostgreSQL backend counts), and this process (load generator and references) as `bench`. The
 * difference of two snapshots says where a run's CPU went; a process that ended between them is
 * not in it (PostgreSQL backends live as long as their pooled connection).
 * @param {Map<number | undefined, string>} named
 * @returns {Map<string, number>}
 */
export function machineCpuMs(named) {
  /** @type {Map<string, number>} */
  const groups = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    const group = pid === process.pid ? 'bench' : (named.get(pid) ?? infraGroupOf(pid));
    const ms = group ? cpuMs(pid) : null;
    if (group && ms !== null) groups.set(group, (groups.get(group) ?? 0) + ms);
  }
  return groups;
}

/** @param {number} pid */
function infraGroupOf(pid) {
  try {
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    return INFRA_GROUPS.find(({ pattern }) => pattern.test(command))?.group ?? null;
  } catch {
    return null;
  }
}

/**
 * What each group used between two snapshots of machineCpuMs.
 * @param {Map<string, number>} before
 * @param {Map<string, number>} after
 * @returns {Map<string, number>}
 */
export function cpuSpent(before, after) {
  return new Map([...after].map(([group, ms]) => [group, Math.max(0, ms - (before.get(group) ?? 0))]));
}
