/**
 * Splits records into sends of at most `maxBytes` of values (a record larger than that goes alone).
 * Why: the broker rejects a record batch above `message.max.bytes` (1 MiB by default), and every
 * record of a send may land in one partition. Sends run one after the other, so order is kept.
 */
export function sendChunks<T extends { value: string | null }>(records: T[], maxBytes: number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const record of records) {
    const size = record.value === null ? 0 : Buffer.byteLength(record.value);
    if (current.length > 0 && bytes + size > maxBytes) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(record);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
