import { CampaignSchemaStateV1, FieldAccess } from '@leadgate/contracts';
import { FieldType, maskValue } from '@leadgate/field-access/mask/mask-value';

type FieldDefinition = CampaignSchemaStateV1['fields'][number];

/** How a token reads one field: in full, masked, or in full but never writes it. Hidden fields are not listed. */
export type FieldAccessLevel = 'full' | 'masked' | 'read_only';

export const NO_FIELD_ACCESS: FieldAccess = Object.freeze({ hidden: [], masked: [], read_only: [] });

/** A token's field access, or none (account tokens, and campaign tokens made before field access). */
export function fieldAccessOrNone(access: FieldAccess | null | undefined): FieldAccess {
  return access ?? NO_FIELD_ACCESS;
}

export function isNarrowing(access: FieldAccess | null | undefined): boolean {
  return !!access && (access.hidden.length > 0 || access.masked.length > 0 || access.read_only.length > 0);
}

/**
 * One field-access set prepared against a campaign's field types: every lead a token reads goes
 * through `fields` (reads, lists, write answers, replays, docs examples, webhooks). Hidden keys are
 * dropped, masked values masked; everything else passes unchanged, so a token without field access
 * reads exactly what is stored.
 */
export interface FieldProjection {
  readonly narrowing: boolean;
  fields(fields: Readonly<Record<string, unknown>>): Record<string, unknown>;
  lead<T extends { fields: Readonly<Record<string, unknown>> }>(lead: T): T;
}

export function fieldProjection(
  campaignFields: readonly Pick<FieldDefinition, 'key' | 'type'>[],
  access: FieldAccess | null | undefined,
): FieldProjection {
  if (!isNarrowing(access)) return IDENTITY;
  const hidden = new Set(access!.hidden);
  const typeOf = new Map<string, FieldType>(campaignFields.map((field) => [field.key, field.type]));
  // A masked key whose field has gone (a schema change refused that, but state may lag) is masked as text.
  const masked = new Map<string, FieldType>(access!.masked.map((key) => [key, typeOf.get(key) ?? 'text']));
  const fields = (source: Readonly<Record<string, unknown>>) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(source)) {
      if (hidden.has(key)) continue;
      const type = masked.get(key);
      out[key] = type === undefined ? value : maskValue(type, value);
    }
    return out;
  };
  return {
    narrowing: true,
    fields,
    lead: (lead) => ({ ...lead, fields: fields(lead.fields) }),
  };
}

const IDENTITY: FieldProjection = {
  narrowing: false,
  fields: (fields) => fields,
  lead: (lead) => lead,
};

/** The level a token has on a field, or null when the field is hidden from it. */
export function accessLevel(access: FieldAccess | null | undefined, key: string): FieldAccessLevel | null {
  const set = fieldAccessOrNone(access);
  if (set.hidden.includes(key)) return null;
  if (set.masked.includes(key)) return 'masked';
  if (set.read_only.includes(key)) return 'read_only';
  return 'full';
}

/** The campaign's fields as the token may use them: hidden ones gone, each with its level (schema, docs). */
export function visibleFields<F extends Pick<FieldDefinition, 'key'>>(
  campaignFields: readonly F[],
  access: FieldAccess | null | undefined,
): (F & { access: FieldAccessLevel })[] {
  return campaignFields.flatMap((field) => {
    const level = accessLevel(access, field.key);
    return level === null ? [] : [{ ...field, access: level }];
  });
}

/** The keys of a write the token may not write (hidden and read-only fields), in the order given. */
export function unwritableKeys(access: FieldAccess | null | undefined, keys: Iterable<string>): string[] {
  const set = fieldAccessOrNone(access);
  if (set.hidden.length === 0 && set.read_only.length === 0) return [];
  const refused = new Set([...set.hidden, ...set.read_only]);
  return [...keys].filter((key) => refused.has(key));
}
