import { PageHeader } from '@console/ui/page-header';

export function LeadsTab() {
  return <PageHeader title="Leads" />;
}
