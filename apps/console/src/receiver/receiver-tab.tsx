import { useParams } from 'react-router';
import { useCampaign } from '@console/campaigns/campaign-queries';
import { useCan } from '@console/session/session';
import { QueryState } from '@console/ui/query-state';
import { ReceiverForm } from './receiver-form';
import { MEANS_OFF, MEANS_ON } from './receiver-meaning';

/** The campaign's **Receiver** tab: where web forms and lead sellers post leads, and whether they need a token. */
export function ReceiverTab() {
  const { campaignId = '' } = useParams();
  const campaign = useCampaign(campaignId);
  const canWrite = useCan('campaigns:write');
  const address = `${window.location.origin}/receiver/v1/campaigns/${campaignId}/leads`;
  return (
    <>
      <h2>Receiver</h2>
      <p className="muted receiver-intro">
        Web forms and lead sellers post leads to this address, as JSON or as a plain HTML form (
        <code>application/x-www-form-urlencoded</code>, with field keys, select keys and <code>status</code> as names):
      </p>
      <p>
        <code className="receiver-address">POST {address}</code>
      </p>
      <QueryState query={campaign}>
        {(data) =>
          canWrite ? (
            <ReceiverForm campaignId={campaignId} saved={data.receiver.require_authentication} />
          ) : (
            <p>
              Require authentication: <strong>{data.receiver.require_authentication ? 'On' : 'Off'}</strong>.{' '}
              {data.receiver.require_authentication ? MEANS_ON : MEANS_OFF}
            </p>
          )
        }
      </QueryState>
    </>
  );
}
