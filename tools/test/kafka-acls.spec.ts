// The Kafka ACLs (libs/contracts SERVICE_KAFKA_ACCESS) against the code: what each service
// produces and consumes is found in its source, and must be exactly what it is granted. A new
// publish or consumer without its grant fails here, not as TOPIC_AUTHORIZATION_FAILED in production.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  AclBinding,
  IDENTITY_INBOX_TOPICS,
  KAFKA_SERVICES,
  KafkaService,
  kafkaAclsCommands,
  platformAclBindings,
  SERVICE_KAFKA_ACCESS,
  SHARED_STATE_TOPICS,
  TOPIC_SPECS,
  TOPICS,
  TopicName,
} from '@leadgate/contracts';

const root = path.resolve(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

const codeOf = (dir: string) => sources(path.join(root, dir)).map((file) => readFileSync(file, 'utf8'));

/** `TOPICS.x` → its name; an unknown key fails loudly instead of vanishing from the comparison. */
function topicOf(key: string): TopicName {
  const name = (TOPICS as Record<string, TopicName>)[key];
  if (!name) throw new Error(`TOPICS.${key} is no topic`);
  return name;
}

const matches = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((match) => topicOf(match[1]));

/** Calls of KafkaPublisher (publish, publishMany, publishRaw) and state outboxes, by topic. */
const PUBLISHES = [/\.publish(?:Many|Raw)?\(\s*TOPICS\.(\w+)/g, /StateOutboxService<\s*typeof TOPICS\.(\w+)/g];
/** Read models (KafkaModule.forRoot), event consumers (@OnTopicEvent), recent-events readers. */
const CONSUMES = [/@OnTopicEvent\(\s*TOPICS\.(\w+)/g, /new RecentEventsReader\(\{[^}]*?topic:\s*TOPICS\.(\w+)/g];
const READ_MODELS = /readModels:\s*\[([^\]]*)\]/g;

function writesFoundIn(service: KafkaService): Set<TopicName> {
  const code = codeOf(`apps/${service}/src`);
  const found = new Set(code.flatMap((text) => PUBLISHES.flatMap((pattern) => matches(text, pattern))));
  // What the shared libraries publish on a service's behalf.
  if (code.some((text) => text.includes("from '@leadgate/audit'"))) found.add(TOPICS.audit);
  if (code.some((text) => /afterInit:\s*publishApiDocs/.test(text))) found.add(TOPICS.platformApiDocs);
  // Every consumer puts what it can never process on the dead-letter topic (libs/kafka).
  if (code.some((text) => text.includes('KafkaModule.forRoot('))) found.add(TOPICS.deadLetter);
  return found;
}

function readsFoundIn(service: KafkaService): Set<TopicName> {
  const code = codeOf(`apps/${service}/src`);
  return new Set(
    code.flatMap((text) => [
      ...CONSUMES.flatMap((pattern) => matches(text, pattern)),
      ...[...text.matchAll(READ_MODELS)].flatMap((list) => matches(list[1], /TOPICS\.(\w+)/g)),
    ]),
  );
}

const writersOf = (topic: TopicName) =>
  KAFKA_SERVICES.filter((service) => SERVICE_KAFKA_ACCESS[service].writes.includes(topic));

/** Whether a binding's resource pattern covers `topic` (a literal name, `*`, or a prefix). */
const covers = (binding: AclBinding, topic: string) =>
  binding.resourceType === 'TOPIC' &&
  (binding.resourceName === '*' ||
    (binding.patternType === 'LITERAL' ? binding.resourceName === topic : topic.startsWith(binding.resourceName)));

describe('Kafka ACLs (SERVICE_KAFKA_ACCESS)', () => {
  it.each(KAFKA_SERVICES)('%s is granted WRITE on exactly the topics its code publishes to', (service) => {
    expect([...SERVICE_KAFKA_ACCESS[service].writes].sort()).toEqual([...writesFoundIn(service)].sort());
  });

  it.each(KAFKA_SERVICES)('%s is granted READ on exactly the topics its code consumes', (service) => {
    expect([...SERVICE_KAFKA_ACCESS[service].reads].sort()).toEqual([...readsFoundIn(service)].sort());
  });

  it('the scan sees every publisher: the shared libraries publish only the topics accounted for above', () => {
    const libs = readdirSync(path.join(root, 'libs')).filter((lib) => !['testing', 'kafka'].includes(lib));
    const found = libs.flatMap((lib) =>
      codeOf(`libs/${lib}/src`).flatMap((text) =>
        PUBLISHES.flatMap((pattern) => matches(text, pattern)).map((topic) => `${lib}: ${topic}`),
      ),
    );
    expect(found.sort()).toEqual([`api-docs-publishing: ${TOPICS.platformApiDocs}`, `audit: ${TOPICS.audit}`]);
    const kafkaLib = codeOf('libs/kafka/src').flatMap((text) =>
      matches(text, /\.publish(?:Many|Raw)?\(\s*TOPICS\.(\w+)/g),
    );
    expect(kafkaLib).toEqual([TOPICS.deadLetter]);
  });

  it('every topic of TOPIC_SPECS has a writer, and the grants name no other topic', () => {
    const specs = new Set<string>(TOPIC_SPECS.map((spec) => spec.name));
    expect(TOPIC_SPECS.filter((spec) => writersOf(spec.name).length === 0).map((spec) => spec.name)).toEqual([]);
    const granted = KAFKA_SERVICES.flatMap((service) => [
      ...SERVICE_KAFKA_ACCESS[service].reads,
      ...SERVICE_KAFKA_ACCESS[service].writes,
    ]);
    expect(granted.filter((topic) => !specs.has(topic))).toEqual([]);
  });

  it('a state topic is written by its owner alone (api-docs: each service its own key)', () => {
    const shared = new Set(SHARED_STATE_TOPICS);
    const many = TOPIC_SPECS.filter((spec) => spec.compacted && !shared.has(spec.name))
      .map((spec) => ({ topic: spec.name, writers: writersOf(spec.name) }))
      .filter(({ writers }) => writers.length !== 1);
    expect(many).toEqual([]);
  });

  it('no principal but identity may write an identity.* topic (its inbox aside), however the ACL is written', () => {
    const inbox = new Set<string>(IDENTITY_INBOX_TOPICS);
    const identityTopics = TOPIC_SPECS.map((spec) => spec.name).filter(
      (name) => name.startsWith('identity.') && !inbox.has(name),
    );
    expect(identityTopics.length).toBeGreaterThanOrEqual(5);
    // The inbox is an event topic, never state, and only the gateway writes it.
    for (const topic of IDENTITY_INBOX_TOPICS) {
      expect(TOPIC_SPECS.find((spec) => spec.name === topic)?.compacted).toBe(false);
      expect(writersOf(topic)).toEqual(['gateway']);
    }
    const intruders = platformAclBindings().filter(
      (binding) =>
        binding.operation === 'WRITE' &&
        binding.principal !== 'User:identity' &&
        identityTopics.some((topic) => covers(binding, topic)),
    );
    expect(intruders).toEqual([]);
    for (const topic of identityTopics) expect(writersOf(topic)).toEqual(['identity']);
  });

  it('least privilege: no wildcard, no cluster CREATE; groups are prefixed by the service own name', () => {
    const bindings = platformAclBindings();
    expect(bindings.filter((binding) => binding.resourceName === '*' || binding.resourceName === '')).toEqual([]);
    expect(
      bindings.filter((binding) => binding.resourceType === 'CLUSTER' && binding.operation !== 'IDEMPOTENT_WRITE'),
    ).toEqual([]);
    for (const binding of bindings.filter((b) => b.resourceType === 'GROUP')) {
      expect([binding.patternType, binding.resourceName]).toEqual([
        'PREFIXED',
        `${binding.principal.slice('User:'.length)}.`,
      ]);
    }
    // Prefixes of different services never overlap (`leads.` would also cover a `leads.x` of another).
    const prefixes = bindings.filter((b) => b.resourceType === 'GROUP').map((b) => b.resourceName);
    for (const a of prefixes) for (const b of prefixes) if (a !== b) expect(b.startsWith(a)).toBe(false);
  });

  it('a user prefix (deploy/k8s: leadgate-) renames the principals only: the same grants, the groups still the service name', () => {
    const plain = platformAclBindings();
    const prefixed = platformAclBindings({ userPrefix: 'leadgate-' });
    expect(
      prefixed.map((binding) => ({ ...binding, principal: binding.principal.replace('User:leadgate-', 'User:') })),
    ).toEqual(plain);
    expect(
      prefixed.filter((binding) => binding.resourceType === 'GROUP').map((binding) => binding.resourceName),
    ).toEqual(KAFKA_SERVICES.map((service) => `${service}.`));
  });

  it('kafka-acls.sh commands carry every binding', () => {
    const bindings = platformAclBindings();
    const commands = kafkaAclsCommands(bindings).join('\n');
    const operationCount = (commands.match(/--operation /g) ?? []).length;
    expect(operationCount).toBe(bindings.length);
    expect(commands).toContain(
      `--allow-principal 'User:identity' --operation Describe --operation Create --operation Write --topic '${TOPICS.identityTokens}'`,
    );
    expect(commands).toContain(
      `--allow-principal 'User:webhooks' --operation Read --group 'webhooks.' --resource-pattern-type prefixed`,
    );
    expect(commands).toContain(
      `--allow-principal 'User:docs' --operation Read --group 'docs.' --resource-pattern-type prefixed`,
    );
  });
});
