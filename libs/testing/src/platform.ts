import { AppName, RunningService, startService } from './service-process';
import { operatorSigned } from './signed-requests';
import { freePort, uniqueRunId } from './test-env';
import { waitFor } from './wait-for';

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
      env: { PORT: String(ports[app]), MONGO_DATABASE: `${runId}_${app}`, ...options.env?.[app] },
    })),
    {
      app: 'gateway' as const,
      env: {
        IDENTITY_URL: urlOf('identity'),
        CAMPAIGNS_URL: urlOf('campaigns'),
        LEADS_URL: urlOf('leads'),
        DOCS_URL: urlOf('docs'),
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

/** Creates an account and its owner token the way `npm run leadgate -- bootstrap` does. */
export async function bootstrapAccount(
  identityUrl: string,
  name: string,
): Promise<{ account_id: string; admin_token: string }> {
  const body = JSON.stringify({ name });
  const headers = operatorSigned('POST', '/internal/accounts', body, {
    token_id: 'operator-test',
    account_id: 'platform',
    kind: 'service',
    scopes: ['platform:bootstrap'],
    campaign_id: null,
    filter_id: null,
  });
  const response = await fetch(`${identityUrl}/internal/accounts`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body,
  });
  if (response.status !== 201) throw new Error(`bootstrap failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { account_id: string; admin_token: string };
}

/**
 * A new account and its owner token, plus a gateway client for that token that is ready to use: it
 * waits until the gateway has learned the token from Kafka.
 */
export async function bootstrapAdmin(platform: Platform, name: string) {
  const account = await bootstrapAccount(platform.services.identity!.url, name);
  const admin = gatewayClient(platform.gateway.url, account.admin_token);
  await waitFor('owner token at the gateway', async () =>
    (await admin('GET', '/v1/me')).status === 200 ? true : undefined,
  );
  return { ...account, admin };
}

/** A small client for calls through the gateway with a Bearer token. */
export function gatewayClient(baseUrl: string, token?: string) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return {
      status: response.status,
      headers: response.headers,
      body: json as Record<string, unknown> & { data?: unknown[] },
    };
  };
}
