// Kubernetes resource quantities as numbers, for the sizes the manifests use.

const MEMORY_UNITS: Record<string, number> = {
  '': 1 / 2 ** 20,
  Ki: 1 / 1024,
  Mi: 1,
  Gi: 1024,
  M: 1e6 / 2 ** 20,
  G: 1e9 / 2 ** 20,
};

/** A memory quantity in MiB ("384Mi" → 384, "1Gi" → 1024); NaN when unreadable. */
export function mebibytes(quantity: unknown): number {
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|M|G)?$/.exec(quantityText(quantity));
  return match ? Number(match[1]) * MEMORY_UNITS[match[2] ?? ''] : Number.NaN;
}

/** A CPU quantity in cores ("250m" → 0.25, "1" → 1); NaN when unreadable. */
export function cores(quantity: unknown): number {
  const match = /^(\d+(?:\.\d+)?)(m)?$/.exec(quantityText(quantity));
  if (!match) return Number.NaN;
  return match[2] ? Number(match[1]) / 1000 : Number(match[1]);
}

/** YAML gives a quantity as a string ("250m") or a number (1); anything else reads as nothing. */
function quantityText(quantity: unknown): string {
  return typeof quantity === 'string' || typeof quantity === 'number' ? String(quantity) : '';
}
