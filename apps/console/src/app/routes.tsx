import { Navigate, Route, Routes } from 'react-router';
import { AcceptInvitePage } from '@console/session/accept-invite-page';
import { SignInPage } from '@console/session/sign-in-page';
import { CampaignsPage } from '@console/campaigns/campaigns-page';
import { CampaignPage } from '@console/campaigns/campaign-page';
import { SignedIn } from './signed-in';
import { Shell } from './shell';
import { ACCOUNT_PAGES } from './account-pages';
import { CAMPAIGN_TABS } from './campaign-tabs';
import { lazyPage } from './lazy-page';

const LeadPage = lazyPage(
  () => import('@console/leads/lead-page'),
  (m) => m.LeadPage,
);

export function ConsoleRoutes() {
  return (
    <Routes>
      <Route path="sign-in" element={<SignInPage />} />
      <Route path="accept-invite" element={<AcceptInvitePage />} />
      <Route
        element={
          <SignedIn>
            <Shell />
          </SignedIn>
        }
      >
        <Route index element={<Navigate to="/campaigns" replace />} />
        <Route path="campaigns" element={<CampaignsPage />} />
        <Route path="campaigns/:campaignId" element={<CampaignPage tabs={CAMPAIGN_TABS} />}>
          <Route index element={<Navigate to="fields" replace />} />
          {CAMPAIGN_TABS.map((tab) => (
            <Route key={tab.path} path={tab.path} element={<tab.Page />} />
          ))}
          <Route path="leads/:leadId" element={<LeadPage />} />
        </Route>
        {ACCOUNT_PAGES.map((page) => (
          <Route key={page.path} path={page.path} element={<page.Page />} />
        ))}
        <Route path="*" element={<Navigate to="/campaigns" replace />} />
      </Route>
    </Routes>
  );
}
