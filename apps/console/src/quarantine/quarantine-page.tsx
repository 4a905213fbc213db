import { PageHeader } from '@console/ui/page-header';

export function QuarantinePage() {
  return <PageHeader title="Quarantine" />;
}
