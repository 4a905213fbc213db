import { covers } from '@leadgate/auth-core/scopes';

/** Campaign token permissions as the API takes them: `read`, and with it `write` and `webhooks`. */
export type Permission = 'read' | 'write' | 'webhooks';

const PERMISSION_ORDER: readonly Permission[] = ['read', 'write', 'webhooks'];

/** What needs Read (the API refuses either without it). */
const NEEDS_READ: readonly Permission[] = ['write', 'webhooks'];

/**
 * The permissions after a change of the **Read** / **Write** / **Webhooks** checkboxes. Write and
 * Webhooks imply Read (the API refuses them alone): checking one checks Read too, and unchecking
 * Read unchecks both.
 */
export function nextPermissions(previous: readonly string[], chosen: readonly string[]): Permission[] {
  const now = new Set(chosen);
  if (NEEDS_READ.some((permission) => now.has(permission) && !previous.includes(permission))) now.add('read');
  if (previous.includes('read') && !now.has('read')) for (const permission of NEEDS_READ) now.delete(permission);
  return PERMISSION_ORDER.filter((permission) => now.has(permission));
}

/**
 * The `expires_at` for an expiry date picked in the form (`YYYY-MM-DD`): the end of that day where the
 * person is, so the token still works all of the day they chose. No date, no expiry. Anything that is
 * not a date goes as typed, for the API to refuse beside the field.
 */
export function expiryFromDate(date: string): string | null {
  const trimmed = date.trim();
  if (!trimmed) return null;
  const end = /^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? new Date(`${trimmed}T23:59:59.999`) : new Date(Number.NaN);
  return Number.isNaN(end.getTime()) ? trimmed : end.toISOString();
}

export interface ScopeEntry {
  scope: string;
  description: string;
}

/** The catalogue's scopes that the signed-in person may give a token: those their own scopes cover (ADR 011). */
export function offeredScopes(catalogue: readonly ScopeEntry[], held: readonly string[]): ScopeEntry[] {
  return catalogue.filter((entry) => covers(held, [entry.scope]));
}

export interface PresetEntry {
  id: string;
  description: string;
  scopes: string[];
}

/** The catalogue's presets whose every scope the signed-in person holds, in the catalogue's order. */
export function offeredPresets(
  presets: Readonly<Record<string, { description: string; scopes: string[] }>>,
  held: readonly string[],
): PresetEntry[] {
  return Object.entries(presets)
    .filter(([, preset]) => covers(held, preset.scopes))
    .map(([id, preset]) => ({ id, description: preset.description, scopes: preset.scopes }));
}

/** The API's bound on a rotation's grace period (7 days). */
export const MAX_GRACE_PERIOD_SECONDS = 7 * 24 * 3600;

/** What the API would say of a grace period typed in the Rotate dialog; nothing when it is fine (empty is 0). */
export function gracePeriodProblem(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (!/^\d+$/.test(trimmed)) return 'Enter a whole number of seconds.';
  return Number(trimmed) > MAX_GRACE_PERIOD_SECONDS
    ? `At most ${MAX_GRACE_PERIOD_SECONDS} seconds (7 days).`
    : undefined;
}
