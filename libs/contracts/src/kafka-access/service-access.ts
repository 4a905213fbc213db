import { TOPICS, TopicName } from '@leadgate/contracts/topics/topics';

/** The services that reach Kafka, each as its own SCRAM principal `User:<service>` (ADR 022). */
export const KAFKA_SERVICES = ['gateway', 'identity', 'campaigns', 'leads', 'docs', 'webhooks'] as const;
export type KafkaService = (typeof KAFKA_SERVICES)[number];

export interface ServiceKafkaAccess {
  /** Topics it consumes (read models, event consumers, recent-events readers). */
  reads: readonly TopicName[];
  /** Topics it produces to. */
  writes: readonly TopicName[];
}

/** Every service with a consumer writes a record it can never process here (libs/kafka DeadLetterSink). */
const DEAD_LETTERS = TOPICS.deadLetter;
/** Each service's own OpenAPI document, keyed by its name (libs/api-docs-publishing, `afterInit`). */
const API_DOCS = TOPICS.platformApiDocs;
/** Changes made in an account (libs/audit AuditRecorder). */
const AUDIT = TOPICS.audit;

/**
 * Who may do what on Kafka: the one source the ACLs are made from (tools/kafka-acls, the compose
 * one-shot, the k8s Job, the SCRAM broker's test). Found in the code, and kept so by
 * tools/test/kafka-acls.spec.ts. A state topic is written by its owner alone: identity.* by identity.
 */
export const SERVICE_KAFKA_ACCESS: Readonly<Record<KafkaService, ServiceKafkaAccess>> = {
  gateway: {
    reads: [
      TOPICS.identityTokens,
      TOPICS.identityCredentials,
      TOPICS.identityAccounts,
      TOPICS.identityUsers,
      TOPICS.identitySessions,
      TOPICS.gatewayRateUsage,
    ],
    writes: [TOPICS.tokenUsage, TOPICS.gatewayRateUsage, API_DOCS, DEAD_LETTERS],
  },
  identity: {
    reads: [TOPICS.campaignSchemas, TOPICS.campaignFilters, TOPICS.tokenUsage, AUDIT],
    writes: [
      TOPICS.identityTokens,
      TOPICS.identityCredentials,
      TOPICS.identityAccounts,
      TOPICS.identityUsers,
      TOPICS.identitySessions,
      AUDIT,
      API_DOCS,
      DEAD_LETTERS,
    ],
  },
  campaigns: {
    reads: [TOPICS.identityTokens],
    writes: [TOPICS.campaignSchemas, TOPICS.campaignFilters, AUDIT, API_DOCS, DEAD_LETTERS],
  },
  leads: {
    reads: [TOPICS.identityTokens, TOPICS.campaignSchemas, TOPICS.campaignFilters],
    writes: [TOPICS.leadEvents, AUDIT, API_DOCS, DEAD_LETTERS],
  },
  docs: {
    reads: [TOPICS.campaignSchemas, TOPICS.campaignFilters, TOPICS.identityTokens, TOPICS.identityAccounts, API_DOCS],
    writes: [DEAD_LETTERS],
  },
  webhooks: {
    reads: [TOPICS.identityTokens, TOPICS.campaignSchemas, TOPICS.campaignFilters, TOPICS.leadEvents],
    writes: [AUDIT, API_DOCS, DEAD_LETTERS],
  },
};

/**
 * The state topic every service writes, each under its own key only: the docs service merges the
 * services' OpenAPI documents from it. The one compacted topic with more than one writer.
 */
export const SHARED_STATE_TOPICS: readonly TopicName[] = [API_DOCS];

/**
 * identity.* topics that others write: the gateway's batches of "token last used at" for identity
 * (events, not state). Every other identity.* topic is written by identity alone. The name predates
 * the ACLs; a rename (gateway.token-usage.v1) would make the prefix alone say who writes.
 */
export const IDENTITY_INBOX_TOPICS: readonly TopicName[] = [TOPICS.tokenUsage];
