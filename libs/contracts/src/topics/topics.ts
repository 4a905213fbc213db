/**
 * Every Kafka topic the platform uses, in one place. Names carry their payload version (`.v1`):
 * a breaking payload change means a new topic, never a silent reshape of an old one.
 */
export const TOPICS = {
  identityTokens: 'identity.tokens.v1',
  identityCredentials: 'identity.credentials.v1',
  identityAccounts: 'identity.accounts.v1',
  /** People of accounts (API.md §11): role and status, for the gateways' session checks. */
  identityUsers: 'identity.users.v1',
  /** Console sessions, checked by every gateway replica like tokens; revoked at once on logout. */
  identitySessions: 'identity.sessions.v1',
  /** Batches of "token last used at" from the gateways, so identity keeps last_used_at without a write per request. */
  tokenUsage: 'identity.token-usage.v1',
  /** Per-token request counts of each gateway process, every ~50 ms, so replicas share one budget (ADR 027). */
  gatewayRateUsage: 'gateway.rate-usage.v1',
  campaignSchemas: 'campaigns.schemas.v1',
  campaignFilters: 'campaigns.filters.v1',
  leadEvents: 'leads.events.v1',
  /** Each service's OpenAPI document (from its own code), keyed by service name; the docs service merges them. */
  platformApiDocs: 'platform.api-docs.v1',
  deadLetter: 'leadgate.dead-letter.v1',
  /** Every change made in an account (API.md §11), from the service that made it; identity keeps the log. */
  audit: 'platform.audit.v1',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

export interface TopicSpec {
  name: TopicName;
  /** Compacted state topics keep the latest value per key; read models replay them from the start. */
  compacted: boolean;
  partitions: number;
  /** Short-lived event topics: records older than this are deleted (Kafka retention.ms); else the broker's default. */
  retentionMs?: number;
}

export const TOPIC_SPECS: readonly TopicSpec[] = [
  { name: TOPICS.identityTokens, compacted: true, partitions: 3 },
  { name: TOPICS.identityCredentials, compacted: true, partitions: 3 },
  { name: TOPICS.identityAccounts, compacted: true, partitions: 3 },
  { name: TOPICS.identityUsers, compacted: true, partitions: 3 },
  { name: TOPICS.identitySessions, compacted: true, partitions: 3 },
  { name: TOPICS.tokenUsage, compacted: false, partitions: 3 },
  // Only the current minute matters to a joining gateway; ten minutes leaves room for slow readers.
  { name: TOPICS.gatewayRateUsage, compacted: false, partitions: 3, retentionMs: 10 * 60_000 },
  { name: TOPICS.campaignSchemas, compacted: true, partitions: 3 },
  { name: TOPICS.campaignFilters, compacted: true, partitions: 3 },
  { name: TOPICS.leadEvents, compacted: false, partitions: 6 },
  { name: TOPICS.platformApiDocs, compacted: true, partitions: 1 },
  { name: TOPICS.deadLetter, compacted: false, partitions: 1 },
  { name: TOPICS.audit, compacted: false, partitions: 3 },
];

export const STATE_TOPICS = TOPIC_SPECS.filter((spec) => spec.compacted).map((spec) => spec.name);
