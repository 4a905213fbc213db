import { PageHeader } from '@console/ui/page-header';

export function LeadPage() {
  return <PageHeader title="Lead" />;
}
