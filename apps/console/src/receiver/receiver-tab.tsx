import { PageHeader } from '@console/ui/page-header';

export function ReceiverTab() {
  return <PageHeader title="Receiver" />;
}
