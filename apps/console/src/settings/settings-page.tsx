import { PageHeader } from '@console/ui/page-header';

export function SettingsPage() {
  return <PageHeader title="Settings" />;
}
