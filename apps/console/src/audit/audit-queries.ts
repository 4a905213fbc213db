import { useInfiniteQuery } from '@tanstack/react-query';
import { getJson } from '@console/api/client';
import type { AnswerOf } from '@console/api/operations';
import { auditPagePath } from './audit-text';

export type AuditPage = AnswerOf<'listAuditEntries'>;
export type AuditEntry = AuditPage['data'][number];

export const auditKeys = { all: ['audit'] as const };

/** The audit log, newest first, a page at a time ("Load more" follows `next_cursor`). */
export function useAuditLog() {
  return useInfiniteQuery({
    queryKey: auditKeys.all,
    queryFn: ({ pageParam }) => getJson<AuditPage>(auditPagePath(pageParam)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}
