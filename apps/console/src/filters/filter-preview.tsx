import { Cell, Column, Link, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { ApiError } from '@console/api/problem';
import { ProblemAlert } from '@console/ui/problem-alert';
import type { useFilterPreview } from './filter-queries';

export interface FilterPreviewPanelProps {
  campaignId: string;
  filterId: string | null;
  isComplete: boolean;
  preview: ReturnType<typeof useFilterPreview>;
}

const leads = (count: number) => (count === 1 ? '1 lead' : `${count} leads`);

/**
 * What the condition on screen matches now (API.md §14): the count, a sample of leads, and for an
 * existing filter what each live token on it would gain and lose. Nothing is changed by looking.
 */
export function FilterPreviewPanel({ campaignId, filterId, isComplete, preview }: FilterPreviewPanelProps) {
  const { query, isCurrent } = preview;
  const data = isComplete ? query.data : undefined;
  const refused = isComplete && query.error instanceof ApiError && query.error.status === 422;
  let status: string;
  if (!isComplete) status = 'Complete the condition to see which leads it matches.';
  else if (refused) status = 'The API refused this condition: see the marked conditions.';
  else if (!data) status = query.isError ? 'The preview is not available.' : 'Counting…';
  else status = `${leads(data.matching)} match now${isCurrent ? '' : ' (updating…)'}.`;
  return (
    <section className="filter-preview" aria-labelledby="filter-preview-title">
      <h3 id="filter-preview-title">Preview</h3>
      <p role="status" className="preview-count" aria-busy={isComplete && !isCurrent && !query.isError}>
        {status}
      </p>
      {isComplete && query.isError && !refused && <ProblemAlert error={query.error} />}
      {data && !refused && (
        <>
          <h4>Sample</h4>
          {data.sample.length === 0 ? (
            <p className="muted">No lead matches.</p>
          ) : (
            <ul className="preview-sample" aria-label="Sample of matching leads">
              {data.sample.map((leadId) => (
                <li key={leadId}>
                  <Link href={`/campaigns/${campaignId}/leads/${leadId}`} className="mono">
                    {leadId}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {filterId && (
            <>
              <h4>Tokens on this filter</h4>
              <Table aria-label="What each token on this filter would gain and lose" className="table preview-tokens">
                <TableHeader>
                  <Column isRowHeader>Token</Column>
                  <Column>Would gain</Column>
                  <Column>Would lose</Column>
                </TableHeader>
                <TableBody items={data.tokens} renderEmptyState={() => 'No live token uses this filter.'}>
                  {(token) => (
                    <Row id={token.token_id}>
                      <Cell>{token.name}</Cell>
                      <Cell>{leads(token.gains)}</Cell>
                      <Cell>{leads(token.loses)}</Cell>
                    </Row>
                  )}
                </TableBody>
              </Table>
            </>
          )}
        </>
      )}
    </section>
  );
}
