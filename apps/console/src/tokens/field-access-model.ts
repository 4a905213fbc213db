import { accessLevel, MASKABLE_TYPES, normalizeFieldAccess } from '@leadgate/field-access';
import type { AnswerOf } from '@console/api/operations';

/** A campaign field as the token forms need it (the campaign's schema). */
export type SchemaField = AnswerOf<'getCampaign'>['fields'][number];

/** A campaign token's field access as the API takes and shows it (API.md §13), by field key. */
export interface FieldAccessSet {
  hidden: string[];
  masked: string[];
  read_only: string[];
}

/** What the form offers per field: the token reads and writes it, masked, read-only, or never sees it. */
export type AccessChoice = 'full' | 'masked' | 'read_only' | 'hidden';

/** The choice per field key; a field left out is Full. */
export type AccessChoices = Readonly<Record<string, AccessChoice>>;

const CHOICE_LABELS: Record<AccessChoice, string> = {
  full: 'Full',
  masked: 'Masked',
  read_only: 'Read-only',
  hidden: 'Hidden',
};

export interface ChoiceOption {
  id: AccessChoice;
  label: string;
  isDisabled: boolean;
}

/** A required field would be unfillable by a writing token that cannot write it (the API refuses: 422). */
const blockedForWriter = (field: SchemaField, writes: boolean) => writes && field.required;

/**
 * The choices a field offers: Masked only for text-like types (a masked number says nothing), and
 * for a token that writes, a required field can be neither Hidden nor Read-only (shown, disabled).
 */
export function choiceOptions(field: SchemaField, writes: boolean): ChoiceOption[] {
  const blocked = blockedForWriter(field, writes);
  return (['full', 'masked', 'read_only', 'hidden'] as const)
    .filter((choice) => choice !== 'masked' || MASKABLE_TYPES.includes(field.type))
    .map((choice) => ({
      id: choice,
      label: CHOICE_LABELS[choice],
      isDisabled: blocked && (choice === 'hidden' || choice === 'read_only'),
    }));
}

/** Why some of a field's choices are disabled, in a few words; nothing when all are open. */
export function disabledReason(field: SchemaField, writes: boolean): string | undefined {
  return blockedForWriter(field, writes) ? 'This token writes, so it cannot be hidden or read-only.' : undefined;
}

/** The form's choices for a token's current field access (none or null: every field in full). */
export function choicesFromAccess(
  fields: readonly SchemaField[],
  access: FieldAccessSet | null | undefined,
): AccessChoices {
  const choices: Record<string, AccessChoice> = {};
  for (const field of fields) {
    const level = accessLevel(access, field.key);
    if (level !== 'full') choices[field.key] = level ?? 'hidden';
  }
  return choices;
}

/** The `field_access` body for the form's choices: only the campaign's fields, each list sorted. */
export function accessFromChoices(fields: readonly SchemaField[], choices: AccessChoices): FieldAccessSet {
  const access: FieldAccessSet = { hidden: [], masked: [], read_only: [] };
  for (const field of fields) {
    const choice = choices[field.key];
    if (choice && choice !== 'full') access[choice].push(field.key);
  }
  return normalizeFieldAccess(access);
}

/**
 * The choices after the token's permissions change: when it now writes, a required field that was
 * Hidden or Read-only goes back to Full, rather than staying on a choice the form no longer offers.
 */
export function fitChoices(fields: readonly SchemaField[], choices: AccessChoices, writes: boolean): AccessChoices {
  const fitted: Record<string, AccessChoice> = { ...choices };
  for (const field of fields) {
    const choice = fitted[field.key];
    if (blockedForWriter(field, writes) && (choice === 'hidden' || choice === 'read_only')) delete fitted[field.key];
  }
  return fitted;
}

/** A token's field access in a few words for the token list: "2 hidden, 1 masked", or "All fields in full". */
export function fieldAccessSummary(access: FieldAccessSet | null | undefined): string {
  const parts = [
    [access?.hidden.length ?? 0, 'hidden'],
    [access?.masked.length ?? 0, 'masked'],
    [access?.read_only.length ?? 0, 'read-only'],
  ] as const;
  const said = parts.filter(([count]) => count > 0).map(([count, word]) => `${count} ${word}`);
  return said.length > 0 ? said.join(', ') : 'All fields in full';
}

export interface FieldAccessErrors {
  /** Messages by field key, for the field's own choice. */
  byKey: Record<string, string>;
  /** Messages about field access that name no field of the form (the set as a whole, a key it does not list). */
  others: string[];
}

const ACCESS_PATH = /^field_access\.(hidden|masked|read_only)\.(\d+)(?:\.|$)/;

/**
 * The API's `errors` about field access, placed: `field_access.hidden.0` names the first key of the
 * hidden list that was sent, so the message goes beside that field's choice; the rest stay together.
 */
export function fieldAccessErrors(
  errors: readonly { path: string; message: string }[],
  sent: Partial<FieldAccessSet> | undefined,
): FieldAccessErrors {
  const placed: FieldAccessErrors = { byKey: {}, others: [] };
  for (const entry of errors) {
    if (entry.path !== 'field_access' && !entry.path.startsWith('field_access.')) continue;
    const match = ACCESS_PATH.exec(entry.path);
    const key = match ? sent?.[match[1] as keyof FieldAccessSet]?.[Number(match[2])] : undefined;
    if (!key) placed.others.push(entry.message);
    else placed.byKey[key] = placed.byKey[key] ? `${placed.byKey[key]} ${entry.message}` : entry.message;
  }
  return placed;
}

/** The form control name of a field's choice: Form `validationErrors` put a message beside it by this name. */
export const choiceControlName = (key: string) => `field_access:${key}`;
