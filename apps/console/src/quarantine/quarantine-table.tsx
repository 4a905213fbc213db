import { Cell, Column, Link, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { Button } from '@console/ui/button';
import { bodyPreview, reasonText } from './body-preview';
import type { QuarantinedPost } from './quarantine-queries';

export interface QuarantineTableProps {
  posts: QuarantinedPost[];
  campaignNames: ReadonlyMap<string, string>;
  /** Null when the person may not release or discard (no `leads:write`): no buttons at all. */
  actions: null | {
    release: (post: QuarantinedPost) => void;
    discard: (post: QuarantinedPost) => void;
    pendingId: string | null;
  };
}

/** The held posts, oldest first: why, where, when, from which address, and what was sent (as text). */
export function QuarantineTable({ posts, campaignNames, actions }: QuarantineTableProps) {
  return (
    <Table aria-label="Quarantined posts" className="table quarantine-table">
      <TableHeader>
        <Column isRowHeader>Received</Column>
        <Column>Campaign</Column>
        <Column>Why</Column>
        <Column>From address</Column>
        <Column>Body</Column>
        {actions ? <Column>Actions</Column> : null}
      </TableHeader>
      <TableBody items={posts} renderEmptyState={() => 'Nothing is held in quarantine.'}>
        {(post) => (
          <Row id={post.id}>
            <Cell>{new Date(post.received_at).toLocaleString()}</Cell>
            <Cell>
              <Link href={`/campaigns/${post.campaign_id}/leads`}>
                {campaignNames.get(post.campaign_id) ?? post.campaign_id}
              </Link>
            </Cell>
            <Cell>{reasonText(post.reason)}</Cell>
            <Cell className="mono">{post.client_address ?? '—'}</Cell>
            <Cell>
              {/* Text only: whatever a stranger posted is never rendered as markup. */}
              <code className="body-preview">{bodyPreview(post.body)}</code>
            </Cell>
            {actions ? (
              <Cell>
                <div className="row-actions">
                  <Button
                    variant="primary"
                    isPending={actions.pendingId === post.id}
                    onPress={() => actions.release(post)}
                  >
                    Release
                  </Button>
                  <Button variant="danger" onPress={() => actions.discard(post)}>
                    Discard
                  </Button>
                </div>
              </Cell>
            ) : null}
          </Row>
        )}
      </TableBody>
    </Table>
  );
}
