import { PageHeader } from '@console/ui/page-header';

export function FieldsTab() {
  return <PageHeader title="Fields" />;
}
