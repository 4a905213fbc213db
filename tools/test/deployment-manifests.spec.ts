// Checks docker-compose.yml and deploy/k8s/*.yaml against the code they deploy: every app is there,
// every variable they set exists in that app's config schema and passes it, health checks point at
// the health endpoints, only the gateway is published. No Docker or cluster needed: the files are
// parsed and read. Each test collects every problem, naming the file, service and variable.
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { campaignsConfigSchema } from '../../apps/campaigns/src/config';
import { docsConfigSchema } from '../../apps/docs/src/config';
import { gatewayConfigSchema } from '../../apps/gateway/src/config';
import { identityConfigSchema } from '../../apps/identity/src/config';
import { leadsConfigSchema } from '../../apps/leads/src/config';
import { webhooksConfigSchema } from '../../apps/webhooks/src/config';
import { managementPortOf } from '../../libs/service-kit/src/config/management-port';
import { composeSchemaProblems } from './compose-schema';
import { appContainer, containerPort as probePort, K8S_DIR, K8sObject, loadK8s, Node } from './k8s/manifests';

/* eslint-disable @typescript-eslint/no-explicit-any */

const root = path.resolve(__dirname, '../..');
const COMPOSE_FILE = 'docker-compose.yml';

const schemas: Record<string, z.AnyZodObject> = {
  gateway: gatewayConfigSchema,
  identity: identityConfigSchema,
  campaigns: campaignsConfigSchema,
  leads: leadsConfigSchema,
  docs: docsConfigSchema,
  webhooks: webhooksConfigSchema,
};
const APPS = Object.keys(schemas);
/** Replicas an operator starts with: two of each, so a node drain never takes a service away. */
const EXPECTED_REPLICAS: Record<string, number> = {
  gateway: 2,
  identity: 2,
  campaigns: 2,
  leads: 2,
  docs: 2,
  webhooks: 2,
};
const AUTOSCALED = APPS;
/** Stands in for values that come from outside the files (secrets, ${VAR} without a default). */
const SAMPLE_SECRET = 'sample-value-for-manifest-checks-0123456789';
/** Stands in for public keys that come from outside the files (${PRINCIPAL_VERIFY_KEY:?...}). */
const SAMPLE_PUBLIC_KEY = generateKeyPairSync('ed25519')
  .publicKey.export({ format: 'der', type: 'spki' })
  .toString('base64');
/** Variables that hold a private key: never a value in a file, and only ever in the gateway. */
const PRIVATE_KEY_VARIABLES = ['PRINCIPAL_SIGNING_KEY', 'PRINCIPAL_SIGNING_KEY_FILE'];
/**
 * The one app that holds each secret, the variable naming the file it arrives in (a mounted
 * secret), and the inline variable that must never carry it in a manifest.
 */
const SECRET_FILES: Record<string, { file: string; inline: string }> = {
  gateway: { file: 'PRINCIPAL_SIGNING_KEY_FILE', inline: 'PRINCIPAL_SIGNING_KEY' },
  webhooks: { file: 'WEBHOOK_SECRET_KEYS_FILE', inline: 'WEBHOOK_SECRET_KEYS' },
};

/** The compose one-shot that grants the Kafka ACLs (an app's image, another command: no app itself). */
const ACL_ONE_SHOT = 'kafka-acls';
/** The ACL applier in every image (libs/kafka/src/acls/kafka-acls.main.ts, compiled by tools/build). */
const ACL_APPLIER = 'dist/libs/kafka/src/acls/kafka-acls.main.js';

/** The compose secret holding an app's Kafka SCRAM password (ADR 022). */
const kafkaPasswordSecret = (app: string) => `kafka_password_${app}`;

function unknownVariables(app: string, names: Iterable<string>): string[] {
  const shape = schemas[app]?.shape ?? {};
  return [...names].filter((name) => !(name in shape));
}

/** Runs the app's schema over the environment the manifest gives it; problems as `VAR: message`. */
function validate(app: string, env: Record<string, string>): { problems: string[]; config?: Record<string, any> } {
  const result = schemas[app].safeParse(env);
  if (result.success) return { problems: [], config: result.data as Record<string, any> };
  return { problems: result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
}

function schemaFile(app: string): string {
  return `apps/${app}/src/config.ts (${app}ConfigSchema)`;
}

// ------------------------------------------------------------------------------------------------
// docker-compose.yml

/** Compose variable interpolation as far as a check needs it: defaults are used, the rest sampled. */
function interpolate(value: string): string {
  return value.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*)|(:?\?)[^}]*)?\}/g,
    (_m: string, name: string, dash: string | undefined, fallback: string) =>
      dash ? fallback : String(name).endsWith('_VERIFY_KEY') ? SAMPLE_PUBLIC_KEY : SAMPLE_SECRET,
  );
}

/** The names of the secrets a compose service mounts (short or long syntax). */
function mountedSecrets(service: Node): string[] {
  return ((service['secrets'] ?? []) as (string | Node)[]).map((secret) =>
    typeof secret === 'string' ? secret : String(secret['source']),
  );
}

function composeEnvironment(service: Node): Record<string, string> {
  const env = service['environment'];
  if (!env) return {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry: string) => {
        const at = String(entry).indexOf('=');
        return at < 0 ? [String(entry), ''] : [String(entry).slice(0, at), String(entry).slice(at + 1)];
      }),
    );
  }
  return Object.fromEntries(
    Object.entries(env as Node).map(([key, value]) => [key, value == null ? '' : String(value)]),
  );
}

function publishedPorts(service: Node): string[] {
  return ((service['ports'] as unknown[]) ?? []).map((port) =>
    typeof port === 'object' && port !== null
      ? `${(port as Node)['published'] ?? ''}:${(port as Node)['target']}`
      : String(port),
  );
}

function loadCompose(): Record<string, Node> {
  const text = readFileSync(path.join(root, COMPOSE_FILE), 'utf8');
  // Compose honours YAML merge keys (`<<: *anchor`); so does this parse.
  const document = parse(text, { merge: true }) as Node;
  return (document['services'] ?? {}) as Record<string, Node>;
}

// ------------------------------------------------------------------------------------------------
// deploy/k8s

/** The environment a container gets, and what could not be checked (hidden keys). */
function containerEnvironment(
  container: Node,
  configMaps: Map<string, Record<string, string>>,
): { env: Record<string, string>; secretKeys: Set<string>; problems: string[] } {
  const env: Record<string, string> = {};
  const secretKeys = new Set<string>();
  const problems: string[] = [];
  for (const source of (container['envFrom'] ?? []) as Node[]) {
    const prefix = String(source['prefix'] ?? '');
    if (source['configMapRef']) {
      const name = source['configMapRef'].name as string;
      const data = configMaps.get(name);
      if (!data) problems.push(`envFrom names ConfigMap "${name}", which no file in ${K8S_DIR} defines`);
      for (const [key, value] of Object.entries(data ?? {})) env[prefix + key] = value;
    } else if (source['secretRef']) {
      problems.push(
        `envFrom secretRef "${source['secretRef'].name}" hides which variables it sets; use env[].valueFrom.secretKeyRef`,
      );
    }
  }
  for (const variable of (container['env'] ?? []) as Node[]) {
    const name = String(variable['name']);
    const from = variable['valueFrom'] as Node | undefined;
    if (from?.['secretKeyRef']) {
      env[name] = SAMPLE_SECRET;
      secretKeys.add(name);
    } else if (from?.['configMapKeyRef']) {
      const ref = from['configMapKeyRef'] as Node;
      const value = configMaps.get(ref['name'])?.[ref['key']];
      if (value === undefined)
        problems.push(`${name} reads ConfigMap ${ref['name']} key ${ref['key']}, which does not exist`);
      env[name] = value ?? '';
    } else if (from) {
      env[name] = SAMPLE_SECRET; // fieldRef / resourceFieldRef: known only at run time
    } else {
      env[name] = variable['value'] == null ? '' : String(variable['value']);
    }
  }
  return { env, secretKeys, problems };
}

function preStopSleepSeconds(container: Node): number {
  const preStop = container['lifecycle']?.preStop as Node | undefined;
  if (preStop?.['sleep']?.seconds) return Number(preStop['sleep'].seconds);
  const command = (preStop?.['exec']?.command ?? []) as string[];
  const match = command.join(' ').match(/sleep\s+(\d+)/);
  return match ? Number(match[1]) : 0;
}

// ------------------------------------------------------------------------------------------------

/** The gateway's upstream settings (apps/gateway/src/config.ts) and the app each must reach. */
const GATEWAY_UPSTREAMS: Record<string, string> = {
  IDENTITY_URL: 'identity',
  CAMPAIGNS_URL: 'campaigns',
  LEADS_URL: 'leads',
  DOCS_URL: 'docs',
  WEBHOOKS_URL: 'webhooks',
};

describe('deployment manifests', () => {
  it('.env.example documents every setting of every app, and nothing else', () => {
    const documented = new Set(
      [...readFileSync(path.join(root, '.env.example'), 'utf8').matchAll(/^#? ?([A-Z][A-Z0-9_]*)=/gm)].map(
        (match) => match[1],
      ),
    );
    const known = new Set(APPS.flatMap((app) => Object.keys(schemas[app]?.shape ?? {})));
    expect([...known].filter((name) => !documented.has(name)).sort()).toEqual([]);
    expect([...documented].filter((name) => !known.has(name)).sort()).toEqual([]);
  });

  it('know every app under apps/ (a new app needs its schema here and a place in both manifests)', () => {
    const onDisk = readdirSync(path.join(root, 'apps'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(path.join(root, 'apps', entry.name, 'src/main.ts')))
      .map((entry) => entry.name)
      .sort();
    expect(onDisk).toEqual([...APPS].sort());
  });

  describe(COMPOSE_FILE, () => {
    const services = loadCompose();
    const appServices = Object.entries(services)
      .filter(([name]) => name !== ACL_ONE_SHOT)
      .filter(([, service]) => typeof service['build'] === 'object' && service['build']?.args?.APP !== undefined)
      .map(([name, service]) => ({ name, service, app: String(service['build'].args.APP) }));

    it('is a Compose file the compose-spec JSON schema accepts (dclint ships the current schema)', () => {
      expect(composeSchemaProblems(path.join(root, COMPOSE_FILE))).toEqual([]);
    });

    it('builds each app from a directory under apps/ with src/main.ts, all six exactly once', () => {
      const problems: string[] = [];
      for (const { name, service, app } of appServices) {
        if (!existsSync(path.join(root, 'apps', app, 'src/main.ts'))) {
          problems.push(`service "${name}": build.args.APP=${app} but apps/${app}/src/main.ts does not exist`);
        }
        if (service['build'].context !== '.') {
          problems.push(`service "${name}": build.context must be the repo root (.), the Dockerfile needs it`);
        }
      }
      for (const app of APPS) {
        const count = appServices.filter((entry) => entry.app === app).length;
        if (count !== 1) problems.push(`app "${app}" is built by ${count} compose services, expected exactly 1`);
      }
      expect(problems).toEqual([]);
    });

    it('points the gateway at every service it forwards to, by compose service name', () => {
      const gateway = appServices.find((entry) => entry.app === 'gateway');
      const env = gateway ? composeEnvironment(gateway.service) : {};
      const problems: string[] = [];
      for (const [variable, app] of Object.entries(GATEWAY_UPSTREAMS)) {
        const url = /^http:\/\/([^:/]+):(\d+)$/.exec(env[variable] ?? '');
        if (!url)
          problems.push(`gateway: ${variable} must be http://<service>:<port> (is ${env[variable] ?? 'unset'})`);
        else if (!appServices.some((entry) => entry.name === url[1] && entry.app === app)) {
          problems.push(`gateway: ${variable} names "${url[1]}", which is not the ${app} service`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('sets on each app only variables of its config schema, with values the schema accepts', () => {
      const problems: string[] = [];
      for (const { name, service, app } of appServices) {
        if (!schemas[app]) continue;
        const env = composeEnvironment(service);
        for (const variable of unknownVariables(app, Object.keys(env))) {
          problems.push(`service "${name}" sets ${variable}, which is not in ${schemaFile(app)}`);
        }
        const interpolated = Object.fromEntries(Object.entries(env).map(([key, value]) => [key, interpolate(value)]));
        for (const problem of validate(app, interpolated).problems) {
          problems.push(`service "${name}": ${problem}`);
        }
        if (env['HOST'] !== '0.0.0.0') {
          problems.push(`service "${name}": HOST must be 0.0.0.0 in a container (is ${env['HOST'] ?? 'unset'})`);
        }
        if (!/^\$\{PRINCIPAL_VERIFY_KEY(?::?\?[^}]*)?\}$/.test(env['PRINCIPAL_VERIFY_KEY'] ?? '')) {
          problems.push(
            `service "${name}": PRINCIPAL_VERIFY_KEY must come from \${PRINCIPAL_VERIFY_KEY:?...}, not the file`,
          );
        }
        for (const broker of (env['KAFKA_BROKERS'] ?? '').split(',').filter(Boolean)) {
          const host = broker.trim().split(':')[0];
          if (!services[host])
            problems.push(`service "${name}": KAFKA_BROKERS host "${host}" is not a compose service`);
        }
        const mongoHosts = /^mongodb:\/\/(?:[^@/]*@)?([^/?]+)/.exec(env['MONGO_URL'] ?? '')?.[1] ?? '';
        for (const host of mongoHosts.split(',').filter(Boolean)) {
          const hostname = host.split(':')[0];
          if (!services[hostname])
            problems.push(`service "${name}": MONGO_URL host "${hostname}" is not a compose service`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('gives each secret (signing key, webhook sealing keys) to its app alone, as a secret file, and the operator key to identity alone', () => {
      const problems: string[] = [];
      for (const { name, service, app } of appServices) {
        const env = composeEnvironment(service);
        const secrets = mountedSecrets(service);
        for (const [owner, { file: fileVariable, inline }] of Object.entries(SECRET_FILES)) {
          if (env[inline] !== undefined) {
            problems.push(`service "${name}": ${inline} in the environment; mount it as a secret file`);
          }
          if (app === owner) {
            const file = env[fileVariable] ?? '';
            const secret = /^\/run\/secrets\/([A-Za-z0-9_.-]+)$/.exec(file)?.[1];
            if (!secret || !secrets.includes(secret)) {
              problems.push(`service "${name}": ${fileVariable} must name a secret it mounts (is ${file})`);
            }
          } else if (env[fileVariable] !== undefined) {
            problems.push(`service "${name}" (${app}) sets ${fileVariable}; only ${owner} holds that secret`);
          }
        }
        // Besides its Kafka password (checked below), only the owners of the secrets above mount any.
        const others = secrets.filter((secret) => secret !== kafkaPasswordSecret(app));
        if (!SECRET_FILES[app] && others.length > 0) {
          problems.push(`service "${name}" (${app}) mounts secrets ${others.join(', ')}`);
        }
        if ((env['OPERATOR_VERIFY_KEY'] !== undefined) !== (app === 'identity')) {
          problems.push(`service "${name}" (${app}): OPERATOR_VERIFY_KEY belongs to identity, and only there`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('logs each app in to Kafka with SCRAM as its own user, the password from its own secret file (ADR 022)', () => {
      const problems: string[] = [];
      for (const { name, service, app } of appServices) {
        const env = composeEnvironment(service);
        const secrets = mountedSecrets(service);
        if (env['KAFKA_SASL_MECHANISM'] !== 'scram-sha-512') {
          problems.push(`service "${name}": KAFKA_SASL_MECHANISM must be scram-sha-512`);
        }
        if (env['KAFKA_SASL_USERNAME'] !== app) problems.push(`service "${name}": KAFKA_SASL_USERNAME must be ${app}`);
        if (env['KAFKA_SASL_PASSWORD'] !== undefined) {
          problems.push(`service "${name}": KAFKA_SASL_PASSWORD in the environment; mount it as a secret file`);
        }
        if (env['KAFKA_SASL_PASSWORD_FILE'] !== `/run/secrets/${kafkaPasswordSecret(app)}`) {
          problems.push(`service "${name}": KAFKA_SASL_PASSWORD_FILE must be /run/secrets/${kafkaPasswordSecret(app)}`);
        }
        if (!secrets.includes(kafkaPasswordSecret(app))) {
          problems.push(`service "${name}" must mount ${kafkaPasswordSecret(app)}`);
        }
        const foreign = secrets.filter(
          (secret) => secret.startsWith('kafka_password_') && secret !== kafkaPasswordSecret(app),
        );
        if (foreign.length > 0)
          problems.push(`service "${name}" mounts another's Kafka password: ${foreign.join(', ')}`);
      }
      const kafka = services['kafka'];
      const kafkaEnv = kafka ? composeEnvironment(kafka) : {};
      if (!/^SASL_(PLAINTEXT|SSL):\/\/kafka:9092$/.test(kafkaEnv['KAFKA_ADVERTISED_LISTENERS'] ?? '')) {
        problems.push('service "kafka": the advertised listener must be SASL_PLAINTEXT or SASL_SSL');
      }
      if (kafkaEnv['KAFKA_SASL_ENABLED_MECHANISMS'] !== 'SCRAM-SHA-512') {
        problems.push('service "kafka": KAFKA_SASL_ENABLED_MECHANISMS must be SCRAM-SHA-512');
      }
      // Every app's user is created when the volume is formatted.
      const format = JSON.stringify(services['kafka-format']?.['command'] ?? '');
      for (const { app } of appServices) {
        if (!new RegExp(`\\b${app}\\b`).test(/for user in ([^;]*);/.exec(format)?.[1] ?? '')) {
          problems.push(`service "kafka-format" does not create the Kafka user ${app}`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('authorizes every request on the broker, and grants the ACLs as admin in a one-shot before any app starts (ADR 022)', () => {
      const problems: string[] = [];
      const kafkaEnv = services['kafka'] ? composeEnvironment(services['kafka']) : {};
      const expected: Record<string, string> = {
        KAFKA_AUTHORIZER_CLASS_NAME: 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
        KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND: 'false',
      };
      for (const [variable, value] of Object.entries(expected)) {
        if (kafkaEnv[variable] !== value) problems.push(`service "kafka": ${variable} must be ${value}`);
      }
      const superUsers = (kafkaEnv['KAFKA_SUPER_USERS'] ?? '').split(';');
      if (!superUsers.includes('User:admin'))
        problems.push('service "kafka": KAFKA_SUPER_USERS must include User:admin');
      // ANONYMOUS is the plaintext controller listener's principal: a super user only if that
      // listener is on the container's loopback, out of every other container's reach.
      if (
        superUsers.includes('User:ANONYMOUS') &&
        !/CONTROLLER:\/\/(localhost|127\.0\.0\.1):/.test(kafkaEnv['KAFKA_LISTENERS'] ?? '')
      ) {
        problems.push(
          'service "kafka": User:ANONYMOUS is a super user while the controller listener is on the network',
        );
      }
      for (const user of superUsers.filter((entry) => !['User:admin', 'User:ANONYMOUS'].includes(entry))) {
        problems.push(`service "kafka": ${user} must not be a super user`);
      }

      const oneShot = services[ACL_ONE_SHOT];
      if (!oneShot) {
        problems.push(`no "${ACL_ONE_SHOT}" service`);
      } else {
        const command = ((oneShot['command'] ?? []) as string[]).join(' ');
        if (command !== `node ${ACL_APPLIER} apply`)
          problems.push(`"${ACL_ONE_SHOT}" must run node ${ACL_APPLIER} apply`);
        if (!existsSync(path.join(root, ACL_APPLIER.replace(/^dist\//, '').replace(/\.js$/, '.ts')))) {
          problems.push(`"${ACL_ONE_SHOT}" runs ${ACL_APPLIER}, whose source does not exist`);
        }
        if (!APPS.includes(String(oneShot['build']?.args?.APP)) || oneShot['build']?.context !== '.') {
          problems.push(`"${ACL_ONE_SHOT}" must run an app image (build context ., APP one of the apps)`);
        }
        const env = composeEnvironment(oneShot);
        const secrets = mountedSecrets(oneShot);
        const wanted: Record<string, string> = {
          KAFKA_BROKERS: 'kafka:9092',
          KAFKA_SASL_MECHANISM: 'scram-sha-512',
          KAFKA_SASL_USERNAME: 'admin',
          KAFKA_SASL_PASSWORD_FILE: `/run/secrets/${kafkaPasswordSecret('admin')}`,
        };
        for (const [variable, value] of Object.entries(wanted)) {
          if (env[variable] !== value) problems.push(`"${ACL_ONE_SHOT}": ${variable} must be ${value}`);
        }
        if (JSON.stringify(secrets) !== JSON.stringify([kafkaPasswordSecret('admin')])) {
          problems.push(`"${ACL_ONE_SHOT}" must mount ${kafkaPasswordSecret('admin')} and no other secret`);
        }
        if (oneShot['depends_on']?.['kafka']?.condition !== 'service_healthy') {
          problems.push(`"${ACL_ONE_SHOT}" must wait for a healthy kafka`);
        }
        if (![undefined, 'no'].includes(oneShot['restart'])) problems.push(`"${ACL_ONE_SHOT}" runs once: restart "no"`);
        if (publishedPorts(oneShot).length > 0) problems.push(`"${ACL_ONE_SHOT}" publishes a port`);
      }
      expect(problems).toEqual([]);
    });

    it('publishes only the gateway, on 8080:8080', () => {
      const problems: string[] = [];
      for (const { name, service, app } of appServices) {
        const ports = publishedPorts(service);
        if (app === 'gateway') {
          if (!ports.some((port) => /^(?:[\d.]+:)?8080:8080(?:\/tcp)?$/.test(port))) {
            problems.push(`service "${name}" (gateway) must publish 8080:8080 (has ${ports.join(', ') || 'none'})`);
          }
        } else if (ports.length > 0) {
          problems.push(`service "${name}" (${app}) publishes ${ports.join(', ')}; only the gateway may`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('health-checks each app on its management /health/ready and starts it after healthy dependencies', () => {
      const problems: string[] = [];
      for (const { name, service } of appServices) {
        const healthcheck = service['healthcheck'] as Node | undefined;
        const test = healthcheck?.['test'];
        const command = Array.isArray(test) ? test.join(' ') : String(test ?? '');
        if (healthcheck?.['disable'] || !command.includes('/health/ready')) {
          problems.push(`service "${name}" has no healthcheck on /health/ready`);
        } else if (!command.includes('MANAGEMENT_PORT')) {
          problems.push(`service "${name}" must health-check its management listener (MANAGEMENT_PORT)`);
        }
        const dependsOn = service['depends_on'];
        if (Array.isArray(dependsOn)) {
          problems.push(`service "${name}": depends_on must be a map with condition: service_healthy`);
        } else {
          for (const [dependency, spec] of Object.entries((dependsOn ?? {}) as Node)) {
            if (!services[dependency]) problems.push(`service "${name}" depends on unknown service "${dependency}"`);
            if (dependency === ACL_ONE_SHOT) {
              if ((spec as Node)?.['condition'] !== 'service_completed_successfully') {
                problems.push(
                  `service "${name}": depends_on ${dependency} must use condition: service_completed_successfully`,
                );
              }
              continue;
            }
            if ((spec as Node)?.['condition'] !== 'service_healthy') {
              problems.push(`service "${name}": depends_on ${dependency} must use condition: service_healthy`);
            }
            if (services[dependency] && !services[dependency]['healthcheck']) {
              problems.push(`service "${name}" waits for "${dependency}" to be healthy, which has no healthcheck`);
            }
          }
          if (!(dependsOn as Node | undefined)?.['kafka']) problems.push(`service "${name}" must depend on kafka`);
          if (!(dependsOn as Node | undefined)?.[ACL_ONE_SHOT]) {
            problems.push(`service "${name}" must start after the ACLs are granted (depends_on ${ACL_ONE_SHOT})`);
          }
        }
      }
      expect(problems).toEqual([]);
    });

    it('runs Apache Kafka 3.9.x in KRaft mode as the services expect it', () => {
      const kafka = Object.entries(services).find(([, service]) => /^apache\/kafka:/.test(String(service['image'])));
      expect(kafka).toBeDefined();
      const [name, service] = kafka!;
      const env = composeEnvironment(service);
      const problems: string[] = [];
      if (!/^apache\/kafka:3\.9\.\d+$/.test(String(service['image']))) {
        problems.push(`service "${name}": image ${service['image']} is not apache/kafka:3.9.x`);
      }
      const expected: Record<string, string> = {
        KAFKA_PROCESS_ROLES: 'broker,controller',
        KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
        KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
        KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
        KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
        KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
        KAFKA_DEFAULT_REPLICATION_FACTOR: '1',
      };
      for (const [variable, value] of Object.entries(expected)) {
        if (env[variable] !== value)
          problems.push(`service "${name}": ${variable} must be ${value} (is ${env[variable]})`);
      }
      if (!env['CLUSTER_ID']) problems.push(`service "${name}": CLUSTER_ID is required in KRaft mode`);
      if (!service['healthcheck']) problems.push(`service "${name}" has no healthcheck`);
      expect(problems).toEqual([]);
    });

    it('runs MongoDB 7 as a replica set', () => {
      const mongo = Object.entries(services).find(([, service]) => /^mongo:/.test(String(service['image'])));
      expect(mongo).toBeDefined();
      const [name, service] = mongo!;
      const problems: string[] = [];
      if (!/^mongo:7(\.|$)/.test(String(service['image']))) problems.push(`service "${name}": image is not mongo:7`);
      const command = ([] as unknown[]).concat(service['command'] ?? []).join(' ');
      if (!/--replSet\s+rs0\b/.test(command)) problems.push(`service "${name}": command lacks --replSet rs0`);
      const healthcheck = ([] as unknown[]).concat(service['healthcheck']?.test ?? []).join(' ');
      if (!healthcheck.includes('rs.initiate')) problems.push(`service "${name}": healthcheck must initiate the set`);
      expect(problems).toEqual([]);
    });
  });

  describe(K8S_DIR, () => {
    const objects = loadK8s(root);
    const ofKind = (kind: string) => objects.filter((object) => object.kind === kind);
    const configMaps = new Map(
      ofKind('ConfigMap').map((map) => [
        String(map.metadata['name']),
        Object.fromEntries(Object.entries((map['data'] ?? {}) as Node).map(([key, value]) => [key, String(value)])),
      ]),
    );
    const deployments = ofKind('Deployment');
    const where = (object: K8sObject) => `${object.file}: ${object.kind} "${object.metadata['name']}"`;

    it('has one Deployment and one Service per app, and nothing that is not an app', () => {
      const problems: string[] = [];
      for (const kind of ['Deployment', 'Service']) {
        for (const object of ofKind(kind)) {
          if (!APPS.includes(object.metadata['name'])) problems.push(`${where(object)} is not named after an app`);
        }
        for (const app of APPS) {
          const count = ofKind(kind).filter((object) => object.metadata['name'] === app).length;
          if (count !== 1) problems.push(`app "${app}" has ${count} ${kind}s in ${K8S_DIR}, expected 1`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('sets on each app only variables of its config schema (env and ConfigMap keys), accepted by it', () => {
      const problems: string[] = [];
      for (const deployment of deployments) {
        const app = String(deployment.metadata['name']);
        if (!schemas[app]) continue;
        const container = appContainer(deployment);
        const { env, secretKeys, problems: hidden } = containerEnvironment(container, configMaps);
        problems.push(...hidden.map((problem) => `${where(deployment)}: ${problem}`));
        for (const variable of unknownVariables(app, Object.keys(env))) {
          problems.push(`${where(deployment)} sets ${variable}, which is not in ${schemaFile(app)}`);
        }
        for (const problem of validate(app, env).problems) problems.push(`${where(deployment)}: ${problem}`);
        if (!env['PRINCIPAL_VERIFY_KEY']) problems.push(`${where(deployment)}: needs PRINCIPAL_VERIFY_KEY`);
        for (const variable of PRIVATE_KEY_VARIABLES) {
          if (variable in env && app !== 'gateway') {
            problems.push(`${where(deployment)} sets ${variable}; only the gateway holds a private key`);
          }
        }
        for (const [owner, { file, inline }] of Object.entries(SECRET_FILES)) {
          if (inline in env && !secretKeys.has(inline)) {
            problems.push(`${where(deployment)}: ${inline} as a plain value; mount the Secret as a file`);
          }
          if (owner !== app && (inline in env || file in env)) {
            problems.push(`${where(deployment)} sets ${inline in env ? inline : file}; only ${owner} holds it`);
          }
        }
        if ('OPERATOR_VERIFY_KEY' in env !== (app === 'identity')) {
          problems.push(`${where(deployment)}: OPERATOR_VERIFY_KEY belongs to identity, and only there`);
        }
        if ('INSTANCE_ID' in env) {
          problems.push(
            `${where(deployment)} sets INSTANCE_ID; leave it unset so every pod has its own read-model groups`,
          );
        }
        if (env['HOST'] !== '0.0.0.0') problems.push(`${where(deployment)}: HOST must be 0.0.0.0 in a pod`);
      }
      expect(problems).toEqual([]);
    });

    it('mounts each secret in its app alone (signing key: gateway, sealing keys: webhooks), where its _FILE points', () => {
      const problems: string[] = [];
      for (const deployment of deployments) {
        const app = String(deployment.metadata['name']);
        const podSpec = (deployment['spec']?.template?.spec ?? {}) as Node;
        // Every app has its own connection credentials (k8s-manifests.spec.ts checks those).
        const secretVolumes = ((podSpec['volumes'] ?? []) as Node[]).filter(
          (volume) => volume['secret'] && volume['secret'].secretName !== `leadgate-${app}-connections`,
        );
        const container = appContainer(deployment);
        const owned = SECRET_FILES[app];
        if (!owned) {
          if (secretVolumes.length > 0)
            problems.push(
              `${where(deployment)} mounts a Secret besides its connections; only the gateway and webhooks may`,
            );
          continue;
        }
        const file = ((container['env'] ?? []) as Node[]).find((variable) => variable['name'] === owned.file)?.[
          'value'
        ] as string | undefined;
        const mounted = ((container['volumeMounts'] ?? []) as Node[]).some(
          (mount) =>
            secretVolumes.some((volume) => volume['name'] === mount['name']) &&
            mount['readOnly'] === true &&
            typeof file === 'string' &&
            file.startsWith(`${String(mount['mountPath'])}/`),
        );
        if (!mounted) {
          problems.push(`${where(deployment)}: ${owned.file} must be in a read-only Secret mount`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('probes readiness on /health/ready and liveness on /health/live, on the management port', () => {
      const problems: string[] = [];
      for (const deployment of deployments) {
        const app = String(deployment.metadata['name']);
        if (!schemas[app]) continue;
        const container = appContainer(deployment);
        const { env } = containerEnvironment(container, configMaps);
        const config = validate(app, env).config;
        const management = config ? managementPortOf(config as { PORT: number; MANAGEMENT_PORT?: number }) : undefined;
        for (const [probe, expectedPath] of [
          ['startupProbe', '/health/live'],
          ['readinessProbe', '/health/ready'],
          ['livenessProbe', '/health/live'],
        ]) {
          const httpGet = container[probe]?.httpGet as Node | undefined;
          if (httpGet?.['path'] !== expectedPath) {
            problems.push(
              `${where(deployment)}: ${probe} must GET ${expectedPath} (has ${httpGet?.['path'] ?? 'none'})`,
            );
          } else if (probePort(container, httpGet['port']) !== management) {
            problems.push(
              `${where(deployment)}: ${probe} port ${httpGet['port']} is not the app's MANAGEMENT_PORT ${management}`,
            );
          }
        }
        const annotations = (deployment['spec']?.template?.metadata?.annotations ?? {}) as Node;
        if (Number(annotations['prometheus.io/port']) !== management) {
          problems.push(`${where(deployment)}: prometheus.io/port must be the MANAGEMENT_PORT ${management}`);
        }
        const requests = container['resources']?.requests as Node | undefined;
        if (!requests?.['cpu'] || !requests?.['memory']) {
          problems.push(`${where(deployment)}: needs resources.requests.cpu and .memory`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('exposes no management port through a Service', () => {
      const problems: string[] = [];
      for (const deployment of deployments) {
        const app = String(deployment.metadata['name']);
        if (!schemas[app]) continue;
        const container = appContainer(deployment);
        const config = validate(app, containerEnvironment(container, configMaps).env).config;
        const management = config ? managementPortOf(config as { PORT: number; MANAGEMENT_PORT?: number }) : undefined;
        const service = ofKind('Service').find((object) => object.metadata['name'] === app);
        for (const port of (service?.['spec']?.ports ?? []) as Node[]) {
          if (probePort(container, port['targetPort'] ?? port['port']) === management) {
            problems.push(`${where(service!)}: exposes the management port ${management}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });

    it('gives each pod more time to stop than preStop plus SHUTDOWN_GRACE_MS, the drain inside the grace', () => {
      const problems: string[] = [];
      for (const deployment of deployments) {
        const app = String(deployment.metadata['name']);
        if (!schemas[app]) continue;
        const container = appContainer(deployment);
        const config = validate(app, containerEnvironment(container, configMaps).env).config;
        const graceMs = Number(config?.['SHUTDOWN_GRACE_MS']);
        // loadConfig refuses a drain that is not less than the grace period it is part of.
        if (!(Number(config?.['SHUTDOWN_DRAIN_MS']) < graceMs)) {
          problems.push(`${where(deployment)}: SHUTDOWN_DRAIN_MS must be less than SHUTDOWN_GRACE_MS`);
        }
        const preStopMs = preStopSleepSeconds(container) * 1000;
        const periodMs = Number(deployment['spec']?.template?.spec?.terminationGracePeriodSeconds ?? 30) * 1000;
        if (!(periodMs > preStopMs + graceMs)) {
          problems.push(
            `${where(deployment)}: terminationGracePeriodSeconds ${periodMs / 1000} s is not more than preStop ` +
              `${preStopMs / 1000} s + SHUTDOWN_GRACE_MS ${graceMs / 1000} s`,
          );
        }
      }
      expect(problems).toEqual([]);
    });

    it('starts with the planned replicas, autoscales every app, and routes each Service to its pods', () => {
      const problems: string[] = [];
      for (const deployment of deployments) {
        const app = String(deployment.metadata['name']);
        if (EXPECTED_REPLICAS[app] !== undefined && deployment['spec']?.replicas !== EXPECTED_REPLICAS[app]) {
          problems.push(
            `${where(deployment)}: replicas ${deployment['spec']?.replicas}, expected ${EXPECTED_REPLICAS[app]}`,
          );
        }
        const podLabels = (deployment['spec']?.template?.metadata?.labels ?? {}) as Node;
        const service = ofKind('Service').find((object) => object.metadata['name'] === app);
        const selector = (service?.['spec']?.selector ?? {}) as Node;
        if (service && Object.entries(selector).some(([key, value]) => podLabels[key] !== value)) {
          problems.push(`${where(service)}: selector does not match the pods of Deployment "${app}"`);
        }
        const container = appContainer(deployment);
        for (const port of (service?.['spec']?.ports ?? []) as Node[]) {
          if (probePort(container, port['targetPort'] ?? port['port']) === undefined) {
            problems.push(`${where(service!)}: targetPort ${port['targetPort']} is no port of the container`);
          }
        }
      }
      const autoscalers = ofKind('HorizontalPodAutoscaler');
      for (const app of AUTOSCALED) {
        const hpa = autoscalers.find((object) => object.spec?.scaleTargetRef?.name === app);
        if (!hpa) problems.push(`app "${app}" has no HorizontalPodAutoscaler`);
        else if (hpa['spec'].scaleTargetRef.kind !== 'Deployment')
          problems.push(`${where(hpa)}: must scale a Deployment`);
        else if (hpa['spec'].minReplicas > EXPECTED_REPLICAS[app]) {
          problems.push(`${where(hpa)}: minReplicas ${hpa['spec'].minReplicas} is above the Deployment's replicas`);
        }
      }
      expect(problems).toEqual([]);
    });
  });
});
