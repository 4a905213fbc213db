/** How the token tables show a time: the person's local date, or a dash for none. */
export function formatDay(iso: string | null | undefined): string {
  return iso ? new Date(iso).toLocaleDateString() : '—';
}

/** Last use is worth the time of day too (was the partner's job run this morning?). */
export function formatMoment(iso: string | null | undefined): string {
  return iso ? new Date(iso).toLocaleString() : 'Never';
}

const STATUS_LABELS = { active: 'Active', revoked: 'Revoked', expired: 'Expired' } as const;

export function statusLabel(status: keyof typeof STATUS_LABELS): string {
  return STATUS_LABELS[status];
}

/** Campaign permissions as the seeds word them: "Read", "Read, Write". */
export function permissionsLabel(permissions: readonly string[] | undefined): string {
  const words = (permissions ?? []).map((permission) => permission.charAt(0).toUpperCase() + permission.slice(1));
  return words.length > 0 ? words.join(', ') : '—';
}
