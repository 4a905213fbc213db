import { useState } from 'react';
import { Link } from 'react-aria-components';
import { useCampaigns } from '@console/campaigns/campaign-queries';
import { useCan } from '@console/session/session';
import { PageHeader } from '@console/ui/page-header';
import { ProblemAlert } from '@console/ui/problem-alert';
import { QueryState } from '@console/ui/query-state';
import { DiscardDialog } from './discard-dialog';
import { useQuarantine, useRelease, type QuarantinedPost } from './quarantine-queries';
import { QuarantineTable } from './quarantine-table';

/** Receiver posts held back for want of a valid token (API.md §4): release them as leads, or discard them. */
export function QuarantinePage() {
  const canRead = useCan('leads:read');
  return (
    <>
      <PageHeader title="Quarantine" />
      {canRead ? <HeldPosts /> : <p>Your role cannot read leads, so the quarantined receiver posts are not shown.</p>}
    </>
  );
}

function HeldPosts() {
  const held = useQuarantine();
  const campaigns = useCampaigns();
  const canWrite = useCan('leads:write');
  const release = useRelease();
  const [discarding, setDiscarding] = useState<QuarantinedPost | null>(null);
  const campaignNames = new Map((campaigns.data ?? []).map((campaign) => [campaign.id, campaign.name]));
  return (
    <>
      <p className="muted">
        Posts to a campaign&apos;s lead receiver that needed a token and came without a valid one. They are in no lead
        list until released.
      </p>
      <div role="status" className="release-outcome">
        {release.isSuccess && (
          <p className="notice">
            Released: the post is now lead{' '}
            <Link href={`/campaigns/${release.data.lead.campaign_id}/leads/${release.data.lead.id}`}>
              {release.data.lead.id}
            </Link>
            .
          </p>
        )}
      </div>
      {release.isError && (
        <div className="release-refused">
          <p>The post could not be released:</p>
          <ProblemAlert error={release.error} />
        </div>
      )}
      <QueryState query={held}>
        {(data) => (
          <>
            <p>
              {data.total} held of at most {data.quota}.
            </p>
            <QuarantineTable
              posts={data.data}
              campaignNames={campaignNames}
              actions={
                canWrite
                  ? {
                      release: (post) => release.mutate(post.id),
                      discard: setDiscarding,
                      pendingId: release.isPending ? (release.variables ?? null) : null,
                    }
                  : null
              }
            />
          </>
        )}
      </QueryState>
      <DiscardDialog post={discarding} onClose={() => setDiscarding(null)} />
    </>
  );
}
