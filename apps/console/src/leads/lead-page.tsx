import { Link } from 'react-aria-components';
import { useParams } from 'react-router';
import { useCampaign, type Campaign } from '@console/campaigns/campaign-queries';
import { QueryState } from '@console/ui/query-state';
import { EMPTY, fieldText, labelOf, timeText } from './lead-display';
import { LeadAccessSection } from './lead-access-section';
import { useLead } from './lead-queries';
import type { Lead } from './lead-types';

/** One lead with its values under the campaign's labels, and who can read it. */
export function LeadPage() {
  const { campaignId = '', leadId = '' } = useParams();
  const campaign = useCampaign(campaignId);
  const lead = useLead(campaignId, leadId);
  return (
    <div className="lead-page">
      <Link href={`/campaigns/${campaignId}/leads`}>Back to leads</Link>
      <QueryState query={campaign}>
        {(schema) => <QueryState query={lead}>{(data) => <LeadDetails campaign={schema} lead={data} />}</QueryState>}
      </QueryState>
      <LeadAccessSection campaignId={campaignId} leadId={leadId} />
    </div>
  );
}

function LeadDetails({ campaign, lead }: { campaign: Campaign; lead: Lead }) {
  const [first] = campaign.fields;
  const title = first ? fieldText(lead.fields[first.key]) : EMPTY;
  const rows: [string, string][] = [
    ...campaign.fields.map((field): [string, string] => [field.label, fieldText(lead.fields[field.key])]),
    ...campaign.selects.map((select): [string, string] => [
      select.label,
      labelOf(
        select.options,
        (option) => option.value,
        (option) => option.label,
        lead.select_field_values[select.key],
      ),
    ]),
    [
      'Status',
      labelOf(
        campaign.statuses,
        (status) => status.slug,
        (status) => status.label,
        lead.status,
      ),
    ],
    ...campaign.relations.map((relation): [string, string] => [
      relation.label,
      labelOf(
        relation.options,
        (option) => option.id,
        (option) => option.label,
        lead.relations[relation.key],
      ),
    ]),
  ];
  return (
    <section aria-labelledby="lead-title">
      <h2 id="lead-title">Lead {title === EMPTY ? lead.id : title}</h2>
      <dl className="details">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div>
          <dt>Lead id</dt>
          <dd className="mono">{lead.id}</dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>{timeText(lead.created_at)}</dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd>
            {timeText(lead.updated_at)} (version {lead.version})
          </dd>
        </div>
        <div>
          <dt>Came from</dt>
          <dd>
            {lead.source.kind === 'receiver' ? 'Lead receiver' : 'API'} <span className="mono">{lead.source.id}</span>
          </dd>
        </div>
      </dl>
    </section>
  );
}
