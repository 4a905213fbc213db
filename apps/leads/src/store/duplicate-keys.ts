const DUPLICATE_KEY = 11000;

interface WriteErrorLike {
  index?: number;
  code?: number;
}

export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: number } | null)?.code === DUPLICATE_KEY;
}

/**
 * The input positions an unordered insertMany skipped because their `_id` exists already. Any other
 * failure (or an error without per-item write errors) is rethrown: only a duplicate means "already there".
 */
export function duplicateKeyIndexes(error: unknown): number[] {
  const writeErrors = (error as { writeErrors?: WriteErrorLike[] | WriteErrorLike } | null)?.writeErrors;
  const list = writeErrors === undefined ? [] : Array.isArray(writeErrors) ? writeErrors : [writeErrors];
  if (list.length === 0 || list.some((item) => item.code !== DUPLICATE_KEY || item.index === undefined)) throw error;
  return list.map((item) => item.index as number);
}
