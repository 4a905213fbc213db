import { Suspense } from 'react';
import { NavLink, Outlet, useParams } from 'react-router';
import { PageHeader } from '@console/ui/page-header';
import { QueryState } from '@console/ui/query-state';
import { useCampaign } from './campaign-queries';

/** One campaign: its name, the tabs of its schema and access, and the tab's page below. */
export function CampaignPage({ tabs }: { tabs: readonly { path: string; label: string }[] }) {
  const { campaignId = '' } = useParams();
  const campaign = useCampaign(campaignId);
  return (
    <QueryState query={campaign}>
      {(data) => (
        <>
          <PageHeader title={data.name} />
          <nav aria-label="Campaign" className="tabs">
            <ul>
              {tabs.map((tab) => (
                <li key={tab.path}>
                  <NavLink to={`/campaigns/${campaignId}/${tab.path}`}>{tab.label}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <section className="tab-panel">
            <Suspense fallback={<p role="status">Loading…</p>}>
              <Outlet />
            </Suspense>
          </section>
        </>
      )}
    </QueryState>
  );
}
