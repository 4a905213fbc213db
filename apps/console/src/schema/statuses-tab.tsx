import { PageHeader } from '@console/ui/page-header';

export function StatusesTab() {
  return <PageHeader title="Statuses" />;
}
