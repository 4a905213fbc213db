import { FieldAccess } from '@leadgate/contracts';
import { fieldAccessKeys, fieldAccessProblems, normalizeFieldAccess } from '@leadgate/field-access';
import { CampaignReferences, ReferenceProblem } from '@identity/campaign-references/campaign-references';

export type CheckedFieldAccess = { ok: true; access: FieldAccess } | { ok: false; problems: ReferenceProblem[] };

/**
 * A campaign token's field access checked against its campaign's fields as identity's read model
 * knows them (API.md §13): unknown keys, a key in two lists, a mask on a value that is not text, a
 * required field a writing token could not fill. What is stored is the normalized set. A campaign
 * that is gone has no fields, so only an empty set fits it.
 */
export async function checkFieldAccess(
  campaigns: CampaignReferences,
  accountId: string,
  campaignId: string,
  access: FieldAccess,
  tokenWrites: boolean,
): Promise<CheckedFieldAccess> {
  const fields = (await campaigns.fieldsOf(accountId, campaignId, fieldAccessKeys(access))) ?? [];
  const problems = fieldAccessProblems(access, fields, tokenWrites);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, access: normalizeFieldAccess(access) };
}
