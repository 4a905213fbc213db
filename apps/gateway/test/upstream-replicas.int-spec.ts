import { bootstrapAdmin, freePort, RunningService, startPlatform, startService, waitFor } from '@leadgate/testing';

/** The gateway's gauge of leads replicas in rotation, read from its /metrics (management listener). */
async function healthyLeadsReplicas(managementUrl: string): Promise<number> {
  const text = await (await fetch(`${managementUrl}/metrics`)).text();
  const match = text.match(/^gateway_upstream_healthy_replicas\{[^}]*upstream="leads"[^}]*\} (\d+)$/m);
  return Number(match?.[1] ?? NaN);
}

/**
 * An operator removes one of two leads replicas under steady traffic: the replica turns its
 * readiness to 503 and keeps serving (SHUTDOWN_DRAIN_MS), the gateway's health checks take it out
 * of rotation, then it stops. No caller may see an error. LEADS_URL also lists a port where nothing
 * listens, which must never cost a call either.
 */
describe('gateway over several leads replicas', () => {
  it('takes a replica that shuts down out of rotation with no failed call, and serves on without it', async () => {
    const [portA, portB, nobody] = await Promise.all([freePort(), freePort(), freePort()]);
    const url = (port: number) => `http://127.0.0.1:${port}`;
    const platform = await startPlatform({
      apps: ['identity', 'campaigns'],
      env: {
        gateway: {
          LEADS_URL: [portA, portB, nobody].map(url).join(','),
          UPSTREAM_HEALTH_INTERVAL_MS: '250',
          // Steady traffic from one token, far above the default per-token budget.
          RATE_LIMIT_PER_MINUTE: '1000000',
        },
      },
    });
    const replicas: RunningService[] = [];
    try {
      const leadsOn = (port: number, name: string) =>
        startService('leads', {
          env: {
            PORT: String(port),
            MONGO_DATABASE: `${platform.runId}_leads`,
            INSTANCE_ID: name,
            SHUTDOWN_DRAIN_MS: '2000',
          },
        });
      replicas.push(...(await Promise.all([leadsOn(portA, 'leads-a'), leadsOn(portB, 'leads-b')])));
      const [leavingReplica] = replicas;

      const { admin } = await bootstrapAdmin(platform, 'Replicas test');
      const campaign = await admin('POST', '/v1/admin/campaigns', { name: 'Replicas' });
      const leadList = `/v1/campaigns/${String(campaign.body['id'])}/leads`;
      // Both replicas know the campaign and the token: a run of successes, round-robin over both.
      await waitFor('lead list on both replicas', async () => {
        for (let call = 0; call < 6; call++) if ((await admin('GET', leadList)).status !== 200) return undefined;
        return true;
      });
      await waitFor('both replicas in rotation', async () =>
        (await healthyLeadsReplicas(platform.gateway.managementUrl)) === 2 ? true : undefined,
      );

      const answers: { status: number; at: number }[] = [];
      let sending = true;
      const worker = async () => {
        while (sending) answers.push({ status: (await admin('GET', leadList)).status, at: Date.now() });
      };
      const workers = Promise.all(Array.from({ length: 4 }, worker));

      await new Promise((resolve) => setTimeout(resolve, 1000));
      const exitCode = await leavingReplica.stop();
      const goneAt = Date.now();
      expect(exitCode).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      sending = false;
      await workers;

      const failed = answers.filter((answer) => answer.status < 200 || answer.status >= 300);
      const afterExit = answers.filter((answer) => answer.at > goneAt);
      process.stdout.write(
        `[replicas] ${answers.length} calls, ${failed.length} failed, ${afterExit.length} after the replica exited\n`,
      );
      expect(failed).toEqual([]);
      expect(answers.length).toBeGreaterThan(50);
      expect(afterExit.length).toBeGreaterThan(10);
      expect(await healthyLeadsReplicas(platform.gateway.managementUrl)).toBe(1);
    } finally {
      await Promise.all(replicas.map((replica) => replica.stop()));
      await platform.stop();
    }
  });
});
