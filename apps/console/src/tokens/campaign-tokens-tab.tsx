import { PageHeader } from '@console/ui/page-header';

export function CampaignTokensTab() {
  return <PageHeader title="API Tokens" />;
}
