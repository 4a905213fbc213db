/** GET <baseUrl><probePath>: { reachable, ready, body }. Never throws. */
export async function probeReady(baseUrl: string, timeoutMs = 1500, probePath = '/health/ready') {
  try {
    const response = await fetch(`${baseUrl}${probePath}`, { signal: AbortSignal.timeout(timeoutMs) });
    const body: unknown = await response.json().catch(() => null);
    return { reachable: true, ready: response.status === 200, body };
  } catch (error) {
    return { reachable: false, ready: false, body: null, error: (error as Error).message };
  }
}

export interface ReadinessWait {
  /** Resolves when the process has gone: the wait then fails at once instead of at the timeout. */
  exited?: Promise<unknown>;
  timeoutMs: number;
  /** Names the service (and where its log is) in the error. */
  what: string;
  probePath?: string;
}

/**
 * Waits until a service just started answers ready (tests, benches, drills and `npm start` alike);
 * resolves with the milliseconds it took.
 */
export async function waitUntilReady(baseUrl: string, { exited, timeoutMs, what, probePath }: ReadinessWait) {
  const started = Date.now();
  let gone = false;
  void exited?.then(() => (gone = true));
  while (Date.now() - started < timeoutMs) {
    if (gone) throw new Error(`${what} exited during start`);
    if ((await probeReady(baseUrl, 1000, probePath)).ready) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${what} not ready within ${timeoutMs / 1000} s`);
}
