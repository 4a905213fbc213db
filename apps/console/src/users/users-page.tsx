import { PageHeader } from '@console/ui/page-header';

export function UsersPage() {
  return <PageHeader title="Users" />;
}
