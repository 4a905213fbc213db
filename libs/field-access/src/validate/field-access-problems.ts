import { CampaignSchemaStateV1, FieldAccess } from '@leadgate/contracts';
import { MASKABLE_TYPES } from '@leadgate/field-access/mask/mask-value';

type FieldDefinition = CampaignSchemaStateV1['fields'][number];

export type FieldAccessProblem = { path: string; message: string };

const LISTS = ['hidden', 'masked', 'read_only'] as const;

/**
 * Why a field-access set cannot be given to a token on a campaign with these fields (API.md §13):
 * keys the campaign does not have, a key in two lists, a mask on a value that is not text, and a
 * required field a writing token could then never fill. Empty when it fits. Used when a token is
 * made or changed, and when a schema change would leave some token's field access unfit.
 */
export function fieldAccessProblems(
  access: FieldAccess,
  campaignFields: readonly FieldDefinition[],
  tokenWrites: boolean,
): FieldAccessProblem[] {
  const problems: FieldAccessProblem[] = [];
  const byKey = new Map(campaignFields.map((field) => [field.key, field]));
  const seen = new Map<string, string>();
  for (const list of LISTS) {
    access[list].forEach((key, index) => {
      const path = `field_access.${list}.${index}`;
      const field = byKey.get(key);
      const earlier = seen.get(key);
      seen.set(key, earlier ?? list);
      if (!field) problems.push({ path, message: `no field "${key}" in this campaign` });
      else if (earlier === list) problems.push({ path, message: `"${key}" is listed twice` });
      else if (earlier)
        problems.push({ path, message: `"${key}" is already ${label(earlier)}; a field has one access` });
      else if (list === 'masked' && !MASKABLE_TYPES.includes(field.type))
        problems.push({ path, message: `a ${field.type} field cannot be masked; hide it instead` });
      else if (list !== 'masked' && tokenWrites && field.required)
        problems.push({ path, message: `"${key}" is required, so a token that writes must be able to write it` });
    });
  }
  return problems;
}

function label(list: string): string {
  return list === 'read_only' ? 'read-only' : list;
}

/** The same set with each list sorted and without repeats: what is stored and compared. */
export function normalizeFieldAccess(access: FieldAccess): FieldAccess {
  const tidy = (keys: readonly string[]) => [...new Set(keys)].sort();
  return { hidden: tidy(access.hidden), masked: tidy(access.masked), read_only: tidy(access.read_only) };
}

/** Every field key a set names: what a schema change must keep. */
export function fieldAccessKeys(access: FieldAccess | null | undefined): string[] {
  return access ? [...access.hidden, ...access.masked, ...access.read_only] : [];
}
