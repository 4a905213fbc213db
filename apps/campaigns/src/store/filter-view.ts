import { FilterStateV1 } from '@leadgate/contracts';
import { FilterDocument } from './filter.schema';

/** A stored filter as its state topic shows it: no storage-only fields. */
export function toFilterState(filter: FilterDocument): FilterStateV1 {
  const { _id, account_id, campaign_id, name, condition, version, updated_at } = filter;
  return { id: _id, account_id, campaign_id, name, condition, version, updated_at };
}
