import { AppName, RunningService, startService } from './service-process';
import { setUpAccount } from './accounts';
import { strongPassword } from './console-sessions';
import { freePort, uniqueRunId } from './test-env';

export interface Platform {
  runId: string;
  services: Partial<Record<AppName, RunningService>>;
  gateway: RunningService;
  stop(): Promise<void>;
  /** Every log file the platform's processes wrote, for tests that read them (no secrets in logs). */
  logFiles(): string[];
}

export interface PlatformOptions {
  apps?: AppName[];
  env?: Partial<Record<AppName, Record<string, string>>>;
}

/**
 * Starts a platform of real service processes behind a gateway, each on a free port, with
 * databases unique to this run: the way partners see Leadgate, minus the fixed ports.
 */
export async function startPlatform(options: PlatformOptions = {}): Promise<Platform> {
  const runId = uniqueRunId();
  const apps = options.apps ?? ['identity', 'campaigns'];
  const ports = Object.fromEntries(await Promise.all(apps.map(async (app) => [app, await freePort()] as const)));
  const urlOf = (app: AppName) => (ports[app] ? `http://127.0.0.1:${ports[app]}` : 'http://127.0.0.1:9');
  const services: Partial<Record<AppName, RunningService>> = {};
  const starting = [
    ...apps.map((app) => ({
      app,
      env: {
        PORT: String(ports[app]),
        MONGO_DATABASE: `${runId}_${app}`,
        // Consumer groups of this platform alone (webhooks' dispatcher, identity's token usage):
        // another platform's replica on the shared broker must not take its events, nor hold up its
        // join with a rebalance (a killed run's members linger until their session times out); a
        // new group starts at the end of the topic.
        KAFKA_GROUP_SUFFIX: `.${runId}`,
        ...options.env?.[app],
      },
    })),
    {
      app: 'gateway' as const,
      env: {
        IDENTITY_URL: urlOf('identity'),
        CAMPAIGNS_URL: urlOf('campaigns'),
        LEADS_URL: urlOf('leads'),
        DOCS_URL: urlOf('docs'),
        WEBHOOKS_URL: urlOf('webhooks'),
        // Tests poll with tokens the gateway has not learned yet; its own test sets a real limit.
        AUTH_FAILURE_LIMIT_PER_MINUTE: '1000000',
        ...options.env?.gateway,
      },
    },
  ];
  const results = await Promise.allSettled(
    starting.map(async ({ app, env }) => (services[app] = await startService(app, { env }))),
  );
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) {
    // Leave nothing running behind a platform that did not come up.
    await Promise.all(Object.values(services).map((service) => service?.kill()));
    throw failed.reason;
  }
  const gateway = services.gateway as RunningService;
  const all = Object.values(services).filter((service): service is RunningService => service !== undefined);
  return {
    runId,
    services,
    gateway,
    stop: async () => {
      await Promise.all(all.map((service) => service.stop()));
    },
    logFiles: () => all.map((service) => service.logFile),
  };
}

/**
 * A new account and its owner token, plus a gateway client for that token that is ready to use: it
 * waits until the gateway has learned the token from Kafka.
 */
export async function bootstrapAdmin(platform: Platform, name: string) {
  return setUpAccount(name, { identityUrl: platform.services.identity!.url, gatewayUrls: [platform.gateway.url] });
}

/**
 * A new account whose owner signs in to the console with an e-mail and password (unique per call),
 * and a gateway client for the owner token that the gateway already accepts.
 */
export async function accountWithOwner(platform: Platform, name: string) {
  const label = name.toLowerCase().replace(/\W+/g, '-');
  const owner = { email: `${label}-${Date.now()}@example.com`, password: strongPassword(label) };
  const account = await setUpAccount(name, {
    identityUrl: platform.services.identity!.url,
    gatewayUrls: [platform.gateway.url],
    owner,
  });
  return { owner, admin: account.admin };
}
