import { z } from 'zod';
import { accountStateV1 } from '@leadgate/contracts/state/account-state.v1';
import { apiDocsStateV1 } from '@leadgate/contracts/state/api-docs-state.v1';
import { campaignSchemaStateV1 } from '@leadgate/contracts/state/campaign-schema.v1';
import { credentialStateV1 } from '@leadgate/contracts/state/credential-state.v1';
import { filterStateV1 } from '@leadgate/contracts/state/filter-state.v1';
import { sessionStateV1 } from '@leadgate/contracts/state/session-state.v1';
import { tokenStateV1 } from '@leadgate/contracts/state/token-state.v1';
import { userStateV1 } from '@leadgate/contracts/state/user-state.v1';
import { auditEntryV1 } from '@leadgate/contracts/events/audit-entry.v1';
import { deadLetterV1 } from '@leadgate/contracts/events/dead-letter.v1';
import { leadEventV1 } from '@leadgate/contracts/events/lead-event.v1';
import { tokenUsageV1 } from '@leadgate/contracts/events/token-usage.v1';
import { rateUsageV1 } from '@leadgate/contracts/events/rate-usage.v1';
import { TOPICS, TopicName } from '@leadgate/contracts/topics/topics';

/** The payload schema of each topic: producers validate before sending, consumers after receiving. */
export const PAYLOAD_SCHEMAS = {
  [TOPICS.identityTokens]: tokenStateV1,
  [TOPICS.identityCredentials]: credentialStateV1,
  [TOPICS.identityAccounts]: accountStateV1,
  [TOPICS.identityUsers]: userStateV1,
  [TOPICS.identitySessions]: sessionStateV1,
  [TOPICS.tokenUsage]: tokenUsageV1,
  [TOPICS.gatewayRateUsage]: rateUsageV1,
  [TOPICS.campaignSchemas]: campaignSchemaStateV1,
  [TOPICS.campaignFilters]: filterStateV1,
  [TOPICS.leadEvents]: leadEventV1,
  [TOPICS.platformApiDocs]: apiDocsStateV1,
  [TOPICS.deadLetter]: deadLetterV1,
  [TOPICS.audit]: auditEntryV1,
} as const satisfies Record<TopicName, z.ZodTypeAny>;

export type PayloadOf<T extends TopicName> = z.infer<(typeof PAYLOAD_SCHEMAS)[T]>;

export class ContractViolationError extends Error {
  constructor(
    readonly topic: string,
    readonly issues: string[],
  ) {
    super(`payload for ${topic} breaks its contract: ${issues.join('; ')}`);
    this.name = 'ContractViolationError';
  }
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

/** Validates a payload for `topic`; throws ContractViolationError naming every problem. */
export function assertPayload<T extends TopicName>(topic: T, payload: unknown): PayloadOf<T> {
  const result = PAYLOAD_SCHEMAS[topic].safeParse(payload);
  if (!result.success) throw new ContractViolationError(topic, describeIssues(result.error));
  return result.data;
}

/** Decodes a raw Kafka value (JSON bytes) for `topic`; `null` stays `null` (a tombstone). */
export function decodePayload<T extends TopicName>(topic: T, raw: Buffer | null): PayloadOf<T> | null {
  if (raw === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw new ContractViolationError(topic, [`not JSON: ${(error as Error).message}`]);
  }
  return assertPayload(topic, parsed);
}
