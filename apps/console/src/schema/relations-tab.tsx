import { PageHeader } from '@console/ui/page-header';

export function RelationsTab() {
  return <PageHeader title="Relations" />;
}
