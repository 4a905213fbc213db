import { bootstrapAdmin, gatewayClient, Platform, startPlatform, waitFor } from '@leadgate/testing';
import {
  ALL_TOKEN_TARGETS,
  CALLERS,
  CallerDef,
  Cell,
  CELLS,
  CREDENTIAL_TARGETS,
  GROUPS,
  tokenTargetsOf,
} from './privilege-matrix.cells';

type Client = ReturnType<typeof gatewayClient>;
type Answer = Awaited<ReturnType<Client>>;
type Json = Record<string, unknown>;

interface MadeToken {
  id: string;
  token: string;
  docsUrl: string | null;
}

const CONCURRENCY = 12;

/** Runs `tasks` at most `limit` at a time. */
async function inGroups<T>(tasks: (() => Promise<T>)[], limit = CONCURRENCY): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

const isInsufficientScope = (answer: Answer) =>
  answer.status === 403 &&
  typeof answer.body['type'] === 'string' &&
  answer.body['type'].endsWith('/insufficient_scope');

/** A refusal in the words of the oracle, or what was answered instead. */
function refusalOr(answer: Answer, allowedWords: (answer: Answer) => string | null): string {
  if (isInsufficientScope(answer)) return '403 insufficient_scope';
  return allowedWords(answer) ?? `${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`;
}

/**
 * API.md §2 "No escalation", tried for real: every principal kind × every admin operation on
 * tokens, credentials and access tokens × targets weaker, equal and stronger, all through the
 * gateway (real Kafka, real FerretDB). Each cell's expected answer comes from the oracle in
 * privilege-matrix.cells.ts; any cell answered otherwise fails the test, named.
 */
describe(`privilege matrix: ${CELLS.length} cells`, () => {
  let platform: Platform;
  let owner: Client;
  let campaignId = '';
  let makers: Client[] = [];
  const callers = new Map<string, Client>();
  const callerTokens = new Map<string, string>();
  const sharedTargets = new Map<string, MadeToken>();
  /** Fresh targets for patch → rotate → revoke, one per caller and target. */
  const freshTargets = new Map<string, MadeToken>();
  /** Fresh credentials for disable → enable, one per caller and target. */
  const freshCredentials = new Map<string, string>();
  let madeCount = 0;

  const maker = () => makers[madeCount++ % makers.length];

  async function expectAtGateway(client: Client, what: string): Promise<void> {
    await waitFor(what, async () => ((await client('GET', '/v1/me')).status === 200 ? true : undefined));
  }

  async function makeToken(target: { kind: string; scopes: string[]; permissions?: string[] }): Promise<MadeToken> {
    const answer =
      target.kind === 'campaign'
        ? await maker()('POST', `/v1/admin/campaigns/${campaignId}/tokens`, {
            name: 'target',
            permissions: target.permissions,
          })
        : await maker()('POST', '/v1/admin/tokens', { name: 'target', scopes: target.scopes });
    if (answer.status !== 201) throw new Error(`making a target: ${answer.status} ${JSON.stringify(answer.body)}`);
    return {
      id: String(answer.body['id']),
      token: String(answer.body['token']),
      docsUrl: (answer.body['docs_url'] as string | null) ?? null,
    };
  }

  async function makeCredential(groups: string[]): Promise<{ id: string; clientId: string; secret: string }> {
    const answer = await maker()('POST', '/v1/admin/credentials', { description: 'target', scope_groups: groups });
    if (answer.status !== 201) throw new Error(`making a credential: ${answer.status}`);
    return {
      id: String(answer.body['id']),
      clientId: String(answer.body['client_id']),
      secret: String(answer.body['client_secret']),
    };
  }

  async function accessTokenOf(groups: string[]): Promise<string> {
    const credential = await makeCredential(groups);
    const answer = await waitFor('access token', async () => {
      const response = await fetch(`${platform.gateway.url}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: credential.clientId,
          client_secret: credential.secret,
        }).toString(),
      });
      return response.status === 200 ? ((await response.json()) as Json) : undefined;
    });
    return String(answer['access_token']);
  }

  async function makeCaller(caller: CallerDef, ownerToken: string): Promise<void> {
    let token: string;
    const make = caller.make;
    if ('owner' in make) token = ownerToken;
    else if ('group' in make) token = await accessTokenOf([make.group]);
    else {
      const answer =
        'permissions' in make
          ? await owner('POST', `/v1/admin/campaigns/${campaignId}/tokens`, {
              name: caller.name,
              permissions: make.permissions,
            })
          : await owner('POST', '/v1/admin/tokens', { name: caller.name, ...make });
      if (answer.status !== 201) throw new Error(`making ${caller.name}: ${answer.status}`);
      token = String(answer.body['token']);
    }
    const client = gatewayClient(platform.gateway.url, token);
    await expectAtGateway(client, `${caller.name} at the gateway`);
    callers.set(caller.name, client);
    callerTokens.set(caller.name, token);
  }

  beforeAll(async () => {
    platform = await startPlatform();
    const account = await bootstrapAdmin(platform, 'Privilege matrix');
    owner = account.admin;
    const campaign = await owner('POST', '/v1/admin/campaigns', { name: 'Matrix' });
    campaignId = String(campaign.body['id']);
    makers = await Promise.all(
      [1, 2, 3].map(async (index) => {
        const made = await owner('POST', '/v1/admin/tokens', { name: `maker ${index}`, preset: 'full_admin' });
        const client = gatewayClient(platform.gateway.url, String(made.body['token']));
        await expectAtGateway(client, 'maker at the gateway');
        return client;
      }),
    );
    makers.push(owner);
    await inGroups(CALLERS.map((caller) => () => makeCaller(caller, account.admin_token)));
    await inGroups(
      ALL_TOKEN_TARGETS.map((target) => async () => sharedTargets.set(target.name, await makeToken(target))),
    );
    await inGroups(
      CALLERS.flatMap((caller) =>
        tokenTargetsOf(caller).map((target) => async () => {
          freshTargets.set(`${caller.name}|${target.name}`, await makeToken(target));
        }),
      ),
    );
    await inGroups(
      CALLERS.flatMap((caller) =>
        CREDENTIAL_TARGETS.map((target) => async () => {
          freshCredentials.set(`${caller.name}|${target.name}`, (await makeCredential(target.groups)).id);
        }),
      ),
    );
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  });

  /** POST /oauth/introspect as the caller, form-encoded (RFC 7662). */
  async function introspect(callerToken: string, token: string): Promise<Answer> {
    const response = await fetch(`${platform.gateway.url}/oauth/introspect`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${callerToken}` },
      body: new URLSearchParams({ token }).toString(),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Json) : {} };
  }

  function docsWords(view: Json | undefined): string {
    if (!view) return '200 target missing';
    return typeof view['docs_url'] === 'string' ? '200 docs_url shown' : '200 docs_url hidden';
  }

  /** What each cell was answered, in the oracle's words; the cells of one caller and target run in order. */
  function tasksFor(caller: CallerDef): (() => Promise<[Cell, string][]>)[] {
    const client = callers.get(caller.name)!;
    const callerToken = callerTokens.get(caller.name)!;
    const cellsOf = CELLS.filter((cell) => cell.caller === caller);
    const find = (operation: Cell['operation'], target: string) =>
      cellsOf.find((cell) => cell.operation === operation && cell.target === target)!;
    const lists = new Map<string, Promise<Answer>>();
    const listOnce = (path: string) => {
      if (!lists.has(path)) lists.set(path, client('GET', path));
      return lists.get(path)!;
    };
    const tasks: (() => Promise<[Cell, string][]>)[] = [];

    for (const target of tokenTargetsOf(caller)) {
      const shared = sharedTargets.get(target.name)!;
      const fresh = freshTargets.get(`${caller.name}|${target.name}`)!;
      tasks.push(async () => {
        const created =
          target.kind === 'campaign'
            ? await client('POST', `/v1/admin/campaigns/${campaignId}/tokens`, {
                name: 'made by a caller',
                permissions: target.permissions,
              })
            : await client('POST', '/v1/admin/tokens', { name: 'made by a caller', scopes: target.scopes });
        return [[find('token create', target.name), refusalOr(created, (a) => (a.status === 201 ? '201' : null))]];
      });
      tasks.push(async () => {
        const read = await client('GET', `/v1/admin/tokens/${shared.id}`);
        return [
          [find('token get', target.name), refusalOr(read, (a) => (a.status === 200 ? docsWords(a.body) : null))],
        ];
      });
      tasks.push(async () => {
        const path = target.kind === 'campaign' ? `/v1/admin/campaigns/${campaignId}/tokens` : '/v1/admin/tokens';
        const list = await listOnce(path);
        const words = refusalOr(list, (a) =>
          a.status === 200 ? docsWords((a.body.data as Json[]).find((view) => view['id'] === shared.id)) : null,
        );
        return [[find('token list', target.name), words]];
      });
      tasks.push(async () => {
        const answer = await introspect(callerToken, shared.token);
        const words = refusalOr(answer, (a) => (a.status === 200 && a.body['active'] === true ? '200 active' : null));
        return [[find('introspect', target.name), words]];
      });
      tasks.push(async () => {
        const patched = await client('PATCH', `/v1/admin/tokens/${fresh.id}`, { name: 'renamed by a caller' });
        const patchWords = refusalOr(patched, (a) => (a.status === 200 ? '200' : null));
        const rotated = await client('POST', `/v1/admin/tokens/${fresh.id}/rotate`, { grace_period_seconds: 0 });
        let rotateWords = refusalOr(rotated, (a) =>
          a.status === 200 &&
          typeof a.body['token'] === 'string' &&
          typeof a.body['docs_url'] === 'string' &&
          a.body['docs_url'] !== fresh.docsUrl
            ? '200 new token, new docs_url'
            : null,
        );
        if (rotateWords === '403 insufficient_scope') {
          rotateWords += 'token' in rotated.body ? ', token leaked' : ', no token';
          const target = gatewayClient(platform.gateway.url, fresh.token);
          const works = await waitFor('target at the gateway', async () =>
            (await target('GET', '/v1/me')).status === 200 ? true : undefined,
          ).catch(() => false);
          rotateWords += works ? ', old secret still works' : ', old secret refused';
        }
        const revoked = await client('POST', `/v1/admin/tokens/${fresh.id}/revoke`);
        const revokeWords = refusalOr(revoked, (a) =>
          a.status === 200 && a.body['status'] === 'revoked' ? '200 revoked' : null,
        );
        return [
          [find('token patch', target.name), patchWords],
          [find('token rotate', target.name), rotateWords],
          [find('token revoke', target.name), revokeWords],
        ];
      });
    }

    for (const group of Object.keys(GROUPS)) {
      tasks.push(async () => {
        const accessToken = callerTokens.get(`access ${group}`)!;
        const answer = await introspect(callerToken, accessToken);
        const words = refusalOr(answer, (a) => (a.status === 200 && a.body['active'] === true ? '200 active' : null));
        return [[find('introspect', `access token ${group}`), words]];
      });
    }

    for (const target of CREDENTIAL_TARGETS) {
      const credentialId = freshCredentials.get(`${caller.name}|${target.name}`)!;
      tasks.push(async () => {
        const created = await client('POST', '/v1/admin/credentials', {
          description: 'made by a caller',
          scope_groups: target.groups,
        });
        return [[find('credential create', target.name), refusalOr(created, (a) => (a.status === 201 ? '201' : null))]];
      });
      tasks.push(async () => {
        const switched: [Cell, string][] = [];
        for (const [operation, enabled] of [
          ['credential disable', false],
          ['credential enable', true],
        ] as const) {
          const answer = await client(
            'POST',
            `/v1/admin/credentials/${credentialId}/${enabled ? 'enable' : 'disable'}`,
          );
          const words = refusalOr(answer, (a) =>
            a.status === 200 && a.body['enabled'] === enabled ? `200 enabled=${String(enabled)}` : null,
          );
          switched.push([find(operation, target.name), words]);
        }
        return switched;
      });
    }

    tasks.push(async () => {
      const list = await client('GET', '/v1/admin/credentials');
      return [[find('credential list', 'every credential'), refusalOr(list, (a) => (a.status === 200 ? '200' : null))]];
    });
    return tasks;
  }

  it('answers every cell as the rule says (allowed iff account-level, holding the scope, covering the target)', async () => {
    const startedAt = Date.now();
    const observed = (await inGroups(CALLERS.flatMap(tasksFor))).flat();
    expect(observed).toHaveLength(CELLS.length);
    const wrong = observed
      .filter(([cell, words]) => words !== cell.expected)
      .map(
        ([cell, words]) =>
          `${cell.caller.name} | ${cell.operation} | ${cell.target}: expected "${cell.expected}", got "${words}"`,
      );
    process.stdout.write(
      `[privilege matrix] ${CELLS.length} cells (${CALLERS.length} callers) in ${Date.now() - startedAt} ms; ` +
        `${observed.filter(([cell]) => cell.expected.startsWith('2')).length} allowed, ` +
        `${observed.filter(([cell]) => cell.expected.startsWith('403')).length} refused\n`,
    );
    expect(wrong).toEqual([]);
  });
});
