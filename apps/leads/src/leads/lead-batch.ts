import { ProblemException } from '@leadgate/service-kit';
import { LeadDocument, NewLead } from '@leads/store/lead.schema';
import { toLeadView } from '@leads/store/lead-view';
import { Prepared } from './lead-writer';

/** Single creates committed per group at most (each write has a fixed cost on FerretDB). */
export const COMMIT_CHUNK = 1000;

export function chunksOf<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/** The valid items of a batch with their request positions, ready to commit. */
export function validItems(prepared: Prepared[]): { index: number; lead: NewLead }[] {
  return prepared.flatMap((item, index) => (item.ok ? [{ index, lead: item.lead }] : []));
}

/** What a batch's chunks came to: the leads stored by request position, and the positions never started. */
export interface ChunkOutcome {
  stored: Map<number, LeadDocument>;
  notProcessed: Set<number>;
}

/**
 * Commits chunks one after another, each only if `mayStart()` says so when its turn comes (the
 * request's deadline has not passed); once one may not start, neither does any after it.
 */
export async function commitChunks(
  chunks: { index: number; lead: NewLead }[][],
  mayStart: () => boolean,
  commit: (leads: NewLead[]) => Promise<LeadDocument[]>,
): Promise<ChunkOutcome> {
  const outcome: ChunkOutcome = { stored: new Map(), notProcessed: new Set() };
  for (const chunk of chunks) {
    if (outcome.notProcessed.size > 0 || !mayStart()) {
      for (const item of chunk) outcome.notProcessed.add(item.index);
      continue;
    }
    const leads = await commit(chunk.map((item) => item.lead));
    chunk.forEach((item, position) => outcome.stored.set(item.index, leads[position]));
  }
  return outcome;
}

/**
 * The batch answer (API.md §3): one result per item in request order, stored leads as they were
 * committed, and `not_processed` for valid items whose chunk the deadline stopped (retry those).
 */
export function batchBody(prepared: Prepared[], { stored, notProcessed }: ChunkOutcome) {
  const results = prepared.map((item, index) => {
    if (!item.ok) return { index, status: 'error' as const, error: problemBody(item.problem) };
    if (notProcessed.has(index)) return { index, status: 'not_processed' as const, reason: 'deadline' as const };
    const lead = stored.get(index);
    if (!lead) throw new Error(`batch item ${index} was validated but not stored`);
    return { index, status: 'created' as const, lead: toLeadView(lead) };
  });
  const count = (status: string) => results.filter((result) => result.status === status).length;
  return { created: count('created'), failed: count('error'), not_processed: count('not_processed'), results };
}

function problemBody(problem: ProblemException) {
  return {
    type: `https://leadgate.dev/problems/${problem.problemType}`,
    title: problem.title,
    status: problem.getStatus(),
    detail: problem.message,
    ...(problem.errors ? { errors: problem.errors } : {}),
  };
}
