import { TOPIC_SPECS } from '@leadgate/contracts/topics/topics';
import { KAFKA_SERVICES, KafkaService, SERVICE_KAFKA_ACCESS } from '@leadgate/contracts/kafka-access/service-access';

export type AclResource = 'TOPIC' | 'GROUP' | 'CLUSTER';
export type AclPattern = 'LITERAL' | 'PREFIXED';
export type AclOperation = 'READ' | 'WRITE' | 'DESCRIBE' | 'CREATE' | 'IDEMPOTENT_WRITE';

/** One ALLOW rule, from any host: what kafkajs createAcls and kafka-acls.sh are given. */
export interface AclBinding {
  principal: `User:${string}`;
  resourceType: AclResource;
  resourceName: string;
  patternType: AclPattern;
  operation: AclOperation;
}

/** The cluster resource's fixed name in Kafka. */
export const KAFKA_CLUSTER_RESOURCE = 'kafka-cluster';

/**
 * A service's consumer groups all start with `<service>.`: read models and recent-events readers
 * (`<service>.read-model.…`, `<service>.recent.…`, one per replica) and event consumers
 * (`identity.token-usage`, `webhooks.dispatch`, plus KAFKA_GROUP_SUFFIX in tests).
 */
export const groupPrefixOf = (service: KafkaService) => `${service}.`;

export interface AclPrincipalNaming {
  /**
   * Put before each service's name to make its Kafka user: '' in compose and the tests (`identity`),
   * `leadgate-` in deploy/k8s (`leadgate-identity`). Consumer groups keep the service's name.
   */
  userPrefix?: string;
}

/** The ACLs one service needs, derived from SERVICE_KAFKA_ACCESS. */
export function aclBindingsOf(service: KafkaService, { userPrefix = '' }: AclPrincipalNaming = {}): AclBinding[] {
  const principal = `User:${userPrefix}${service}` as const;
  const topic = (resourceName: string, operation: AclOperation): AclBinding => ({
    principal,
    resourceType: 'TOPIC',
    resourceName,
    patternType: 'LITERAL',
    operation,
  });
  const access = SERVICE_KAFKA_ACCESS[service];
  return [
    // Every service runs ensureTopics over all of TOPIC_SPECS at boot: it lists them (DESCRIBE) and
    // creates the missing ones, by name only (no CREATE on the cluster: no stray topics).
    ...TOPIC_SPECS.flatMap((spec) => [topic(spec.name, 'DESCRIBE'), topic(spec.name, 'CREATE')]),
    ...access.reads.map((name) => topic(name, 'READ')),
    ...access.writes.map((name) => topic(name, 'WRITE')),
    {
      principal,
      resourceType: 'GROUP',
      resourceName: groupPrefixOf(service),
      patternType: 'PREFIXED',
      operation: 'READ',
    },
    // The publisher is idempotent (libs/kafka KafkaPublisher): InitProducerId. Brokers since 3.0
    // accept WRITE on any topic for it; older ones need this.
    ...(access.writes.length > 0
      ? [
          {
            principal,
            resourceType: 'CLUSTER',
            resourceName: KAFKA_CLUSTER_RESOURCE,
            patternType: 'LITERAL',
            operation: 'IDEMPOTENT_WRITE',
          } satisfies AclBinding,
        ]
      : []),
  ];
}

/** The whole platform's ACLs. */
export function platformAclBindings(naming: AclPrincipalNaming = {}): AclBinding[] {
  return KAFKA_SERVICES.flatMap((service) => aclBindingsOf(service, naming));
}
