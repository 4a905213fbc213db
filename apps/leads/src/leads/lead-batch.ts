import { ProblemException } from '@leadgate/service-kit';
import { LeadDocument, NewLead } from '@leads/store/lead.schema';
import { toLeadView } from '@leads/store/lead-view';
import { Prepared } from './lead-writer';

/** Leads committed per bulk write (a whole batch of 1,000: each write has a fixed cost on FerretDB). */
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

/** The batch answer (API.md §3): one result per item in request order, stored leads as they were committed. */
export function batchBody(prepared: Prepared[], stored: Map<number, LeadDocument>) {
  const results = prepared.map((item, index) => {
    if (!item.ok) return { index, status: 'error' as const, error: problemBody(item.problem) };
    const lead = stored.get(index);
    if (!lead) throw new Error(`batch item ${index} was validated but not stored`);
    return { index, status: 'created' as const, lead: toLeadView(lead) };
  });
  const created = results.filter((result) => result.status === 'created').length;
  return { created, failed: results.length - created, results };
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
