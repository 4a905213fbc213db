import type { Campaign } from '@console/campaigns/campaign-queries';
import { Button } from '@console/ui/button';
import { SelectField } from '@console/ui/select-field';
import { isFiltered, type LeadListFilter } from './lead-list-query';

/** "No narrowing": never a status slug nor an UPPER_SNAKE option value. */
const ANY = '*';

/** The list's filter controls: the status and each select, offering the campaign's real options. */
export function LeadFilters({
  campaign,
  filter,
  onChange,
}: {
  campaign: Campaign;
  filter: LeadListFilter;
  onChange: (filter: LeadListFilter) => void;
}) {
  const setSelect = (key: string, value: string | null) => {
    const selects = { ...filter.selects };
    if (value === null || value === ANY) delete selects[key];
    else selects[key] = value;
    onChange({ ...filter, selects });
  };
  return (
    <div className="filter-bar" role="group" aria-label="Filter leads">
      <SelectField
        label="Status"
        value={filter.status ?? ANY}
        options={[
          { id: ANY, label: 'Any status' },
          ...campaign.statuses.map((status) => ({ id: status.slug, label: status.label })),
        ]}
        onChange={(value) => onChange({ ...filter, status: value === ANY ? null : value })}
      />
      {campaign.selects.map((select) => (
        <SelectField
          key={select.key}
          label={select.label}
          value={filter.selects[select.key] ?? ANY}
          options={[
            { id: ANY, label: `Any ${select.label.toLowerCase()}` },
            ...select.options.map((option) => ({ id: option.value, label: option.label })),
          ]}
          onChange={(value) => setSelect(select.key, value)}
        />
      ))}
      {isFiltered(filter) && (
        <Button variant="quiet" onPress={() => onChange({ status: null, selects: {} })}>
          Clear filters
        </Button>
      )}
    </div>
  );
}
