import { PageHeader } from '@console/ui/page-header';

export function AccountTokensPage() {
  return <PageHeader title="API Tokens" />;
}
