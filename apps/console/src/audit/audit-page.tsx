import { PageHeader } from '@console/ui/page-header';

export function AuditPage() {
  return <PageHeader title="Audit log" />;
}
