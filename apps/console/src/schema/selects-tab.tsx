import { PageHeader } from '@console/ui/page-header';

export function SelectsTab() {
  return <PageHeader title="Selects" />;
}
