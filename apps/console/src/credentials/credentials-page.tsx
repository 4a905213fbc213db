import { PageHeader } from '@console/ui/page-header';

export function CredentialsPage() {
  return <PageHeader title="API Credentials" />;
}
