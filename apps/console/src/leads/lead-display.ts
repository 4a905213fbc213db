/** How a lead's values read on screen: labels from the campaign's schema, never raw markup. */

export const EMPTY = '—';

/** A field value as text: Yes/No for booleans, a dash for nothing. */
export function fieldText(value: unknown): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value) ?? EMPTY;
}

/** The label of an option (select value, status slug, relation id); the raw value when the schema lost it. */
export function labelOf<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  labelOfItem: (item: T) => string,
  value: string | null | undefined,
): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  const item = items.find((candidate) => idOf(candidate) === value);
  return item ? labelOfItem(item) : value;
}

/** A time as the person's locale writes it. */
export function timeText(iso: string | null | undefined): string {
  if (!iso) return EMPTY;
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso : time.toLocaleString();
}
