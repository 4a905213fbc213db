import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { useCan } from '@console/session/session';
import { QueryState } from '@console/ui/query-state';
import { useLeadAccess, type LeadAccess, type LeadReader } from './lead-queries';

const KIND_TEXT: Record<LeadReader['kind'], string> = {
  campaign: 'Campaign token',
  account: 'Account token',
  access: 'Access token (client credentials)',
};

const VIA_TEXT: Record<LeadReader['via'], string> = {
  filter: 'Its campaign filter matches this lead',
  campaign: 'Campaign token without a filter',
  account: 'Account-wide scopes',
};

const grantsOf = (reader: LeadReader): string =>
  'permissions' in reader ? reader.permissions.join(', ') : reader.scopes.join(' ');

/** "Who can see this lead" (API.md §14): every live token and webhook that can read it now. */
export function LeadAccessSection({ campaignId, leadId }: { campaignId: string; leadId: string }) {
  const canReadTokens = useCan('tokens:read');
  const access = useLeadAccess(campaignId, leadId, canReadTokens);
  return (
    <section aria-labelledby="lead-access-title" className="lead-access">
      <h2 id="lead-access-title">Who can see this lead</h2>
      {canReadTokens ? (
        <QueryState query={access}>{(data) => <AccessTables access={data} />}</QueryState>
      ) : (
        <p>Your role cannot read API tokens, so who can see this lead is not shown.</p>
      )}
    </section>
  );
}

function AccessTables({ access }: { access: LeadAccess }) {
  const nameOf = (tokenId: string) => access.tokens.find((token) => token.token_id === tokenId)?.name ?? tokenId;
  return (
    <>
      <Table aria-label="Tokens that can read this lead" className="table">
        <TableHeader>
          <Column isRowHeader>Name</Column>
          <Column>Kind</Column>
          <Column>Permissions or scopes</Column>
          <Column>Why</Column>
        </TableHeader>
        <TableBody
          items={access.tokens.map((token) => ({ ...token, id: token.token_id }))}
          renderEmptyState={() => 'No live token can read this lead.'}
        >
          {(token) => (
            <Row id={token.id}>
              <Cell>{token.name}</Cell>
              <Cell>{KIND_TEXT[token.kind]}</Cell>
              <Cell className="mono">{grantsOf(token)}</Cell>
              <Cell>{VIA_TEXT[token.via]}</Cell>
            </Row>
          )}
        </TableBody>
      </Table>
      <h3>Webhooks</h3>
      <Table aria-label="Webhooks that receive this lead" className="table">
        <TableHeader>
          <Column isRowHeader>URL</Column>
          <Column>Token</Column>
        </TableHeader>
        <TableBody items={access.webhooks} renderEmptyState={() => 'No webhook subscription receives this lead.'}>
          {(webhook) => (
            <Row id={webhook.id}>
              <Cell className="mono">{webhook.url}</Cell>
              <Cell>{nameOf(webhook.token_id)}</Cell>
            </Row>
          )}
        </TableBody>
      </Table>
    </>
  );
}
