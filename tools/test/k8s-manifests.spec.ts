// What an operator must be able to trust in deploy/k8s, checked without a cluster: every object is
// valid for the Kubernetes API (kubernetes-models, unknown fields refused as kubectl does), every
// service runs hardened, sized and disruption-safe, reads its credentials from Secret files only,
// and the NetworkPolicies open exactly the paths the services need. Each test collects every
// problem, naming file and object. (deployment-manifests.spec.ts checks the env against the apps'
// config schemas, probes and drain times.)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { kubernetesSchemaProblems } from './k8s/kubernetes-schema';
import {
  appContainer,
  containerPort,
  describeObject as where,
  K8S_DIR,
  K8S_EXAMPLES_DIR,
  K8sObject,
  loadK8s,
  Node,
  podTemplate,
  selects,
  withoutFile,
} from './k8s/manifests';
import { App, appsOf, describeGrant, Direction, Grant, grantsOf, policiesSelecting } from './k8s/network-grants';
import { cores, mebibytes } from './k8s/quantities';

const root = path.resolve(__dirname, '../..');
const APPS = ['gateway', 'identity', 'campaigns', 'leads', 'docs', 'webhooks'];
/** The apps that own a database; the gateway and docs have none. */
const DATABASE_APPS = ['identity', 'campaigns', 'leads', 'webhooks'];
const MONGO_PORT = 27017;
/** Ranges a webhook must never reach (apps/webhooks/src/targets/address-ranges.ts), closed in the policy too. */
const PRIVATE_IPV4 = [
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.168.0.0/16',
];
const WEBHOOK_PORTS = [443, 80];
/** Variables that carry a secret's value: never in a manifest, only their *_FILE. */
const SECRET_VALUE_VARIABLES = ['MONGO_URL', 'KAFKA_SASL_PASSWORD', 'PRINCIPAL_SIGNING_KEY', 'WEBHOOK_SECRET_KEYS'];

const objects = loadK8s(root);
const examples = loadK8s(root, K8S_EXAMPLES_DIR);
const ofKind = (kind: string, from: K8sObject[] = objects) => from.filter((object) => object.kind === kind);
const deployments = ofKind('Deployment');
const named = (kind: string, name: string) => ofKind(kind).find((object) => object.metadata['name'] === name);
/** Every pod template: the services' Deployments and the Kafka ACL Job. */
const workloads = [...deployments, ...ofKind('Job')];
const aclJob = named('Job', 'kafka-acls');
/** The applier the compose one-shot runs too (libs/kafka/src/acls/kafka-acls.main.ts, in every image). */
const ACL_APPLIER = 'dist/libs/kafka/src/acls/kafka-acls.main.js';
const config = (named('ConfigMap', 'leadgate-config')?.['data'] ?? {}) as Record<string, string>;

/** A container's plain env values, ConfigMap keys included (envFrom first, env overrides). */
function plainEnv(container: Node): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of (container['envFrom'] ?? []) as Node[]) {
    const data = (named('ConfigMap', source['configMapRef']?.name)?.['data'] ?? {}) as Record<string, string>;
    Object.assign(env, data);
  }
  for (const variable of (container['env'] ?? []) as Node[]) {
    if ('value' in variable) env[String(variable['name'])] = String(variable['value']);
  }
  return env;
}

/** The volume a container has mounted read-only at a directory holding `file`, with the file's key. */
function mountedSource(
  deployment: K8sObject,
  container: Node,
  file: string,
): { volume: Node; key: string } | undefined {
  for (const mount of (container['volumeMounts'] ?? []) as Node[]) {
    const dir = `${String(mount['mountPath']).replace(/\/$/, '')}/`;
    if (mount['readOnly'] !== true || !file.startsWith(dir)) continue;
    const volume = ((podTemplate(deployment)['spec']?.volumes ?? []) as Node[]).find(
      (v) => v['name'] === mount['name'],
    );
    const source = volume?.['secret'] ?? volume?.['configMap'];
    const item = ((source?.items ?? []) as Node[]).find((entry) => entry['path'] === file.slice(dir.length));
    if (volume && item) return { volume, key: String(item['key']) };
  }
  return undefined;
}

/** Peak RSS under load per service, from the footprint table in docs/BENCHMARKS.md. */
function benchmarkPeakMiB(): Record<string, number> {
  const text = readFileSync(path.join(root, 'docs/BENCHMARKS.md'), 'utf8');
  const section = text.slice(text.indexOf('### Footprint'), text.indexOf('### Propagation'));
  const peaks: Record<string, number> = {};
  for (const match of section.matchAll(/^\|\s*([a-z]+)\s*\|\s*\d+\s*\|\s*\d+\s*\|\s*(\d+)\s*\|/gm)) {
    peaks[match[1]] = Number(match[2]);
  }
  return peaks;
}

describe(`${K8S_DIR} for operators`, () => {
  it('parses into objects that the Kubernetes schemas accept, unknown fields refused (examples too)', () => {
    const problems = [...objects, ...examples].flatMap((object) =>
      kubernetesSchemaProblems(withoutFile(object)).map((problem) => `${where(object)}: ${problem}`),
    );
    expect(objects.length).toBeGreaterThan(APPS.length * 4);
    expect(problems).toEqual([]);
  });

  it('puts every object in namespace leadgate and labels it part-of leadgate', () => {
    const problems: string[] = [];
    for (const object of [...objects, ...examples]) {
      if (object.kind !== 'Namespace' && object.metadata['namespace'] !== 'leadgate')
        problems.push(`${where(object)}: namespace must be leadgate`);
      if (object.metadata['labels']?.['app.kubernetes.io/part-of'] !== 'leadgate')
        problems.push(`${where(object)}: needs label app.kubernetes.io/part-of: leadgate`);
    }
    expect(problems).toEqual([]);
  });

  it('gives every Deployment a Service, an HPA (autoscaling/v2) and a PDB that match its pods and let a node drain', () => {
    const problems: string[] = [];
    for (const deployment of deployments) {
      const name = String(deployment.metadata['name']);
      const labels = (podTemplate(deployment)['metadata']?.labels ?? {}) as Record<string, string>;
      if (!selects(deployment['spec']?.selector, labels))
        problems.push(`${where(deployment)}: selector misses its pods`);
      const service = named('Service', name);
      if (!service || Object.entries(service['spec']?.selector ?? {}).some(([key, value]) => labels[key] !== value)) {
        problems.push(`${where(deployment)}: no Service "${name}" selecting its pods`);
      }
      const hpa = ofKind('HorizontalPodAutoscaler').find((object) => object['spec']?.scaleTargetRef?.name === name);
      const min = Number(hpa?.['spec']?.minReplicas ?? 1);
      if (!hpa || hpa['apiVersion'] !== 'autoscaling/v2' || hpa['spec'].scaleTargetRef.kind !== 'Deployment') {
        problems.push(`${where(deployment)}: no autoscaling/v2 HorizontalPodAutoscaler scaling it`);
      } else {
        if (min < 2) problems.push(`${where(hpa)}: minReplicas ${min}; one pod is an outage at every node drain`);
        if (!(hpa['spec'].maxReplicas >= min)) problems.push(`${where(hpa)}: maxReplicas below minReplicas`);
        if (deployment['spec']?.replicas !== undefined && deployment['spec'].replicas !== min) {
          problems.push(`${where(deployment)}: replicas ${deployment['spec'].replicas} is not the HPA minimum ${min}`);
        }
      }
      const pdbs = ofKind('PodDisruptionBudget').filter((pdb) => selects(pdb['spec']?.selector, labels));
      if (pdbs.length !== 1) problems.push(`${where(deployment)}: ${pdbs.length} PodDisruptionBudgets select its pods`);
      for (const pdb of pdbs) {
        const { minAvailable, maxUnavailable } = pdb['spec'] as Node;
        const allowsEviction = maxUnavailable !== undefined ? Number(maxUnavailable) >= 1 : Number(minAvailable) < min;
        if (!allowsEviction) problems.push(`${where(pdb)}: lets no pod be evicted at ${min} replicas; drains hang`);
      }
    }
    expect(deployments.map((deployment) => String(deployment.metadata['name'])).sort()).toEqual([...APPS].sort());
    expect(problems).toEqual([]);
  });

  it('sizes every container with requests and limits, the memory request above the measured peak', () => {
    const peaks = benchmarkPeakMiB();
    expect(Object.keys(peaks)).toEqual(expect.arrayContaining(['gateway', 'identity', 'campaigns', 'leads', 'docs']));
    const problems: string[] = [];
    for (const deployment of deployments) {
      const spec = podTemplate(deployment)['spec'] as Node;
      for (const container of [...(spec['initContainers'] ?? []), ...(spec['containers'] ?? [])] as Node[]) {
        const { requests = {}, limits = {} } = (container['resources'] ?? {}) as Node;
        const at = `${where(deployment)} container ${container['name']}`;
        for (const [what, value, parse] of [
          ['requests.cpu', requests['cpu'], cores],
          ['requests.memory', requests['memory'], mebibytes],
          ['limits.cpu', limits['cpu'], cores],
          ['limits.memory', limits['memory'], mebibytes],
        ] as const) {
          if (!(parse(value) > 0)) problems.push(`${at}: needs resources.${what}`);
        }
        if (mebibytes(requests['memory']) > mebibytes(limits['memory'])) problems.push(`${at}: memory request > limit`);
        if (cores(requests['cpu']) > cores(limits['cpu'])) problems.push(`${at}: cpu request > limit`);
        const peak = peaks[String(deployment.metadata['name'])];
        if (peak !== undefined && !(mebibytes(requests['memory']) >= peak)) {
          problems.push(
            `${at}: memory request ${requests['memory']} is below the ${peak} MiB peak in docs/BENCHMARKS.md`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('matches the sizing table of docs/OPERATIONS.md (requests, limits, HPA range), so the page cannot drift', () => {
    const text = readFileSync(path.join(root, 'docs/OPERATIONS.md'), 'utf8');
    const rows = new Map(
      [
        ...text.matchAll(/^\|\s*([a-z]+)\s*\|\s*(\S+) \/ (\S+)\s*\|\s*(\S+) \/ (\S+)\s*\|\s*(\d+) to (\d+)\s*\|$/gm),
      ].map((match) => [match[1], match.slice(2).join(' ')]),
    );
    const problems: string[] = [];
    for (const deployment of deployments) {
      const name = String(deployment.metadata['name']);
      const { requests = {}, limits = {} } = (appContainer(deployment)['resources'] ?? {}) as Node;
      const hpa = ofKind('HorizontalPodAutoscaler').find((object) => object['spec']?.scaleTargetRef?.name === name);
      const actual = [
        requests['cpu'],
        requests['memory'],
        limits['cpu'],
        limits['memory'],
        hpa?.['spec']?.minReplicas,
        hpa?.['spec']?.maxReplicas,
      ].join(' ');
      if (rows.get(name) !== actual)
        problems.push(`${name}: docs/OPERATIONS.md says "${rows.get(name)}", manifests "${actual}"`);
    }
    expect(problems).toEqual([]);
  });

  it('runs every container non-root, read-only, unprivileged, with RuntimeDefault seccomp and no API token', () => {
    const problems: string[] = [];
    for (const deployment of workloads) {
      const spec = podTemplate(deployment)['spec'] as Node;
      const pod = (spec['securityContext'] ?? {}) as Node;
      if (spec['automountServiceAccountToken'] !== false)
        problems.push(`${where(deployment)}: automountServiceAccountToken must be false`);
      for (const host of ['hostNetwork', 'hostPID', 'hostIPC']) {
        if (spec[host]) problems.push(`${where(deployment)}: ${host}`);
      }
      for (const container of [...(spec['initContainers'] ?? []), ...(spec['containers'] ?? [])] as Node[]) {
        const own = (container['securityContext'] ?? {}) as Node;
        // The container's setting wins over the pod's, as in the kubelet.
        const effective = (key: string): unknown => (own[key] !== undefined ? own[key] : pod[key]);
        const at = `${where(deployment)} container ${container['name']}`;
        if (effective('runAsNonRoot') !== true) problems.push(`${at}: runAsNonRoot must be true`);
        const user = effective('runAsUser');
        if (!Number.isInteger(user) || user === 0) problems.push(`${at}: runAsUser must be a numeric non-root uid`);
        if (own['readOnlyRootFilesystem'] !== true) problems.push(`${at}: readOnlyRootFilesystem must be true`);
        if (own['allowPrivilegeEscalation'] !== false) problems.push(`${at}: allowPrivilegeEscalation must be false`);
        if (own['privileged']) problems.push(`${at}: privileged`);
        if (!((own['capabilities']?.drop ?? []) as string[]).includes('ALL'))
          problems.push(`${at}: capabilities must drop ALL`);
        if ((own['capabilities']?.add ?? []).length > 0) problems.push(`${at}: adds capabilities`);
        if ((effective('seccompProfile') as Node | undefined)?.['type'] !== 'RuntimeDefault')
          problems.push(`${at}: seccompProfile must be RuntimeDefault`);
        const tmp = ((container['volumeMounts'] ?? []) as Node[]).find((mount) => mount['mountPath'] === '/tmp');
        const tmpVolume = ((spec['volumes'] ?? []) as Node[]).find((volume) => volume['name'] === tmp?.['name']);
        if (!tmpVolume?.['emptyDir'])
          problems.push(`${at}: needs an emptyDir at /tmp (the root filesystem is read-only)`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('reads Kafka SCRAM/TLS settings from the ConfigMap, and each password and database URL from its own Secret file', () => {
    const problems: string[] = [];
    if (!/^scram-sha-(256|512)$/.test(config['KAFKA_SASL_MECHANISM'] ?? ''))
      problems.push('ConfigMap: KAFKA_SASL_MECHANISM must be scram-sha-256 or -512');
    if (config['KAFKA_TLS'] !== 'true') problems.push('ConfigMap: KAFKA_TLS must be true');
    for (const key of SECRET_VALUE_VARIABLES) if (key in config) problems.push(`ConfigMap sets ${key}, a secret`);
    const usernames = new Map<string, string>();
    for (const deployment of deployments) {
      const app = String(deployment.metadata['name']);
      const container = appContainer(deployment);
      const env = plainEnv(container);
      const at = where(deployment);
      for (const variable of (container['env'] ?? []) as Node[]) {
        if (SECRET_VALUE_VARIABLES.includes(variable['name']))
          problems.push(`${at}: ${variable['name']} must not be set; mount its *_FILE`);
      }
      const username = env['KAFKA_SASL_USERNAME'];
      if (!username) problems.push(`${at}: needs KAFKA_SASL_USERNAME`);
      else if (usernames.has(username))
        problems.push(`${at}: Kafka user ${username} is also ${usernames.get(username)}'s`);
      else usernames.set(username, app);
      const expected: [string, string, 'secret' | 'configMap', string][] = [
        ['KAFKA_SASL_PASSWORD_FILE', `leadgate-${app}-connections`, 'secret', 'kafka-password'],
        ['KAFKA_TLS_CA_FILE', 'leadgate-kafka-ca', 'configMap', 'ca.crt'],
      ];
      if (DATABASE_APPS.includes(app))
        expected.push(['MONGO_URL_FILE', `leadgate-${app}-connections`, 'secret', 'mongo-url']);
      else if ('MONGO_URL_FILE' in env) problems.push(`${at}: has no database, so no MONGO_URL_FILE`);
      for (const [variable, expectedSource, sourceKind, key] of expected) {
        const file = env[variable];
        const mounted = file ? mountedSource(deployment, container, file) : undefined;
        const source = mounted?.volume[sourceKind];
        const mountedName = sourceKind === 'secret' ? source?.secretName : source?.name;
        if (!mounted || mountedName !== expectedSource || mounted.key !== key) {
          problems.push(
            `${at}: ${variable} (${file ?? 'unset'}) must be key ${key} of ${sourceKind} ${expectedSource}, mounted read-only`,
          );
        }
      }
      for (const volume of (podTemplate(deployment)['spec']?.volumes ?? []) as Node[]) {
        const secret = volume['secret']?.secretName as string | undefined;
        const other = APPS.find((name) => name !== app && secret === `leadgate-${name}-connections`);
        if (other) problems.push(`${at}: mounts ${other}'s credentials`);
        if (secret && (volume['secret'].defaultMode ?? 0o644) & 0o007)
          problems.push(`${at}: Secret ${secret} readable by others`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('grants the Kafka ACLs in a Job: the applier compose runs, as the ACL admin from a Secret no service mounts, for the users the services log in as', () => {
    const problems: string[] = [];
    expect(aclJob).toBeDefined();
    const container = appContainer(aclJob!);
    const command = ((container['command'] ?? []) as string[]).join(' ');
    const prefix = /^node (\S+) apply --user-prefix (\S+)$/.exec(command);
    if (prefix?.[1] !== ACL_APPLIER)
      problems.push(`Job kafka-acls must run node ${ACL_APPLIER} apply --user-prefix <prefix>`);
    // The principals it grants are the users the Deployments log in as: <prefix><service>.
    for (const deployment of deployments) {
      const username = plainEnv(appContainer(deployment))['KAFKA_SASL_USERNAME'];
      if (username !== `${prefix?.[2] ?? ''}${String(deployment.metadata['name'])}`) {
        problems.push(`${where(deployment)}: Kafka user ${username} is not the one the ACL Job grants`);
      }
    }
    const image = String(container['image']);
    if (!APPS.some((app) => image.includes(`/leadgate/${app}:`)))
      problems.push('Job kafka-acls must run a service image');
    const env = Object.fromEntries(
      ((container['env'] ?? []) as Node[]).map((variable) => [
        String(variable['name']),
        variable['valueFrom']?.configMapKeyRef
          ? config[String(variable['valueFrom'].configMapKeyRef.key)]
          : (variable['value'] as string | undefined),
      ]),
    );
    for (const key of ['KAFKA_BROKERS', 'KAFKA_SASL_MECHANISM', 'KAFKA_TLS', 'KAFKA_TLS_CA_FILE']) {
      if (env[key] !== config[key]) problems.push(`Job kafka-acls: ${key} must be leadgate-config's`);
    }
    for (const key of SECRET_VALUE_VARIABLES)
      if (key in env) problems.push(`Job kafka-acls sets ${key}; mount its *_FILE`);
    const password = env['KAFKA_SASL_PASSWORD_FILE'];
    const mounted = password ? mountedSource(aclJob!, container, password) : undefined;
    if (mounted?.volume['secret']?.secretName !== 'leadgate-kafka-admin' || mounted.key !== 'kafka-password') {
      problems.push(
        'Job kafka-acls: KAFKA_SASL_PASSWORD_FILE must be key kafka-password of Secret leadgate-kafka-admin, read-only',
      );
    }
    if (APPS.some((app) => env['KAFKA_SASL_USERNAME'] === `${prefix?.[2] ?? ''}${app}`)) {
      problems.push('Job kafka-acls must log in as the ACL admin, not as a service');
    }
    for (const deployment of deployments) {
      for (const volume of (podTemplate(deployment)['spec']?.volumes ?? []) as Node[]) {
        if (volume['secret']?.secretName === 'leadgate-kafka-admin')
          problems.push(`${where(deployment)} mounts the Kafka admin's password`);
      }
    }
    const spec = podTemplate(aclJob!)['spec'] as Node;
    if (!['OnFailure', 'Never'].includes(spec['restartPolicy']))
      problems.push('Job kafka-acls: restartPolicy OnFailure or Never');
    if (!aclJob!['spec']?.activeDeadlineSeconds) problems.push('Job kafka-acls needs activeDeadlineSeconds');
    expect(problems).toEqual([]);
  });

  it('shows in examples/ every Secret and ConfigMap the Deployments mount, each key they read, with placeholder values only', () => {
    const problems: string[] = [];
    for (const deployment of workloads) {
      for (const volume of (podTemplate(deployment)['spec']?.volumes ?? []) as Node[]) {
        const source = volume['secret'] ?? volume['configMap'];
        if (!source) continue;
        const kind = volume['secret'] ? 'Secret' : 'ConfigMap';
        const name = String(source.secretName ?? source.name);
        const example = ofKind(kind, examples).find((object) => object.metadata['name'] === name);
        const keys = Object.keys({ ...(example?.['data'] ?? {}), ...(example?.['stringData'] ?? {}) });
        for (const item of (source.items ?? []) as Node[]) {
          if (!keys.includes(item['key']))
            problems.push(`${K8S_EXAMPLES_DIR}: ${kind} ${name} lacks key ${item['key']} (${where(deployment)})`);
        }
      }
    }
    for (const example of examples) {
      for (const [key, value] of Object.entries({ ...(example['data'] ?? {}), ...(example['stringData'] ?? {}) })) {
        if (!String(value).includes('REPLACE-ME'))
          problems.push(`${where(example)}: ${key} must be a REPLACE-ME placeholder`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe(`${K8S_DIR} NetworkPolicies`, () => {
  const policies = ofKind('NetworkPolicy');
  const apps = appsOf(deployments);
  const app = (name: string) => apps.find((entry) => entry.name === name)!;
  const httpPort = (entry: App) => containerPort(entry.container, 'http');
  const managementPort = (entry: App) => containerPort(entry.container, 'management');
  const brokerPorts = new Set((config['KAFKA_BROKERS'] ?? '').split(',').map((broker) => Number(broker.split(':')[1])));
  const grants = (entry: App, direction: Direction) => grantsOf(policies, apps, entry, direction);
  const line = (direction: Direction, entry: App, grant: Grant) => describeGrant(direction, entry, grant);

  it('denies everything by default: one policy selects every pod for ingress and egress and opens nothing', () => {
    const defaultDeny = policies.filter(
      (policy) =>
        Object.keys(policy['spec']?.podSelector ?? { x: 1 }).length === 0 &&
        ['Ingress', 'Egress'].every((type) => ((policy['spec']?.policyTypes ?? []) as string[]).includes(type)) &&
        !policy['spec']?.ingress &&
        !policy['spec']?.egress,
    );
    expect(defaultDeny.map((policy) => String(policy.metadata['name']))).toHaveLength(1);
    const unselected = apps.flatMap((entry) =>
      (['Ingress', 'Egress'] as const)
        .filter((type) => policiesSelecting(policies, entry, type).length === 0)
        .map((type) => `${entry.name}: ${type}`),
    );
    expect(unselected).toEqual([]);
  });

  it('lets traffic in only to the gateway from outside, to the services from the gateway, and to metrics from the labelled namespace', () => {
    const problems: string[] = [];
    for (const entry of apps) {
      const all = grants(entry, 'Ingress');
      for (const grant of all) {
        const peer = grant.peer;
        const wrong = (why: string) => problems.push(`${line('Ingress', entry, grant)}: ${why}`);
        if (grant.port === 'any' || Number.isNaN(grant.port)) wrong('must name a port of the container');
        else if (peer.kind === 'anyone' || peer.kind === 'ipBlock') {
          if (entry.name !== 'gateway' || grant.port !== httpPort(entry))
            wrong('only the gateway HTTP port takes outside traffic');
        } else if (peer.kind === 'namespaces') {
          const labels = peer.namespaceSelector['matchLabels'] ?? {};
          if (grant.port !== managementPort(entry) || Object.keys(labels).length === 0) {
            wrong('other namespaces reach only the management port, from namespaces with a label');
          }
        } else if (entry.name === 'gateway' || peer.apps.join() !== 'gateway' || grant.port !== httpPort(entry)) {
          wrong('inside the namespace, only the gateway calls a service, on its HTTP port');
        }
      }
      if (!all.some((grant) => grant.peer.kind === 'namespaces' && grant.port === managementPort(entry))) {
        problems.push(`${entry.name}: Prometheus cannot reach its management port ${managementPort(entry)}`);
      }
      const caller = entry.name === 'gateway' ? ['anyone'] : ['apps'];
      if (!all.some((grant) => caller.includes(grant.peer.kind) && grant.port === httpPort(entry))) {
        problems.push(`${entry.name}: nothing may reach its HTTP port ${httpPort(entry)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('lets each service out only to DNS, Kafka, its database; the gateway to the services; webhooks to public HTTPS/HTTP', () => {
    const problems: string[] = [];
    for (const entry of apps) {
      const all = grants(entry, 'Egress');
      const needs = ['DNS', 'Kafka', ...(DATABASE_APPS.includes(entry.name) ? ['MongoDB'] : [])];
      const met = new Set<string>();
      for (const grant of all) {
        const { peer, port } = grant;
        const wrong = (why: string) => problems.push(`${line('Egress', entry, grant)}: ${why}`);
        if (port === 'any' || Number.isNaN(port)) wrong('must name a port');
        else if (peer.kind === 'anyone') wrong('no destination may be open to all');
        else if (port === 53) met.add('DNS');
        else if (brokerPorts.has(port) && peer.kind !== 'apps') met.add('Kafka');
        else if (port === MONGO_PORT && peer.kind !== 'apps') {
          if (DATABASE_APPS.includes(entry.name)) met.add('MongoDB');
          else wrong(`${entry.name} has no database`);
        } else if (peer.kind === 'apps') {
          const target = peer.apps.length === 1 ? app(peer.apps[0]) : undefined;
          if (entry.name !== 'gateway' || !target || target.name === 'gateway' || port !== httpPort(target)) {
            wrong('inside the namespace only the gateway calls out, to each service on its HTTP port');
          }
        } else if (peer.kind === 'ipBlock' && entry.name === 'webhooks' && WEBHOOK_PORTS.includes(port)) {
          const open = peer.cidr.includes(':')
            ? peer.cidr !== '2000::/3'
            : PRIVATE_IPV4.some((range) => !peer.except.includes(range));
          if (open)
            wrong(`partners' endpoints must exclude private ranges (${PRIVATE_IPV4.join(', ')}; IPv6 2000::/3 only)`);
          met.add('partners');
        } else wrong('is not a path the service needs');
      }
      if (entry.name === 'webhooks') needs.push('partners');
      for (const need of needs) if (!met.has(need)) problems.push(`${entry.name}: cannot reach ${need}`);
    }
    const gatewayTargets = new Set(
      grants(app('gateway'), 'Egress').flatMap((grant) => (grant.peer.kind === 'apps' ? grant.peer.apps : [])),
    );
    expect([...gatewayTargets].sort()).toEqual(APPS.filter((name) => name !== 'gateway').sort());
    expect(problems).toEqual([]);
  });
});

describe(`${K8S_DIR} NetworkPolicies for the Kafka ACL Job`, () => {
  const policies = ofKind('NetworkPolicy');
  const brokerPorts = new Set((config['KAFKA_BROKERS'] ?? '').split(',').map((broker) => Number(broker.split(':')[1])));
  const [job] = appsOf(aclJob ? [aclJob] : []);

  it('lets the Job out to DNS and Kafka only, and nothing in', () => {
    expect(job).toBeDefined();
    const apps = appsOf(deployments);
    const problems: string[] = [];
    const met = new Set<string>();
    for (const grant of grantsOf(policies, apps, job, 'Egress')) {
      if (grant.port === 53 && grant.peer.kind !== 'anyone') met.add('DNS');
      else if (
        typeof grant.port === 'number' &&
        brokerPorts.has(grant.port) &&
        ['namespaces', 'ipBlock'].includes(grant.peer.kind)
      )
        met.add('Kafka');
      else problems.push(`${describeGrant('Egress', job, grant)}: not DNS or Kafka`);
    }
    for (const need of ['DNS', 'Kafka']) if (!met.has(need)) problems.push(`the Job cannot reach ${need}`);
    // Policies may select the Job for ingress (metrics-scrape selects every leadgate pod), but no
    // grant may name a port its container has: it listens on nothing.
    for (const grant of grantsOf(policies, apps, job, 'Ingress')) {
      if (grant.port === 'any' || (typeof grant.port === 'number' && !Number.isNaN(grant.port))) {
        problems.push(`${describeGrant('Ingress', job, grant)}: opens a port of the Job`);
      }
    }
    expect((job.container['ports'] ?? []) as Node[]).toEqual([]);
    expect(problems).toEqual([]);
  });
});
