import { PageHeader } from '@console/ui/page-header';

export function FiltersTab() {
  return <PageHeader title="Filters" />;
}
