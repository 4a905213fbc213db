interface Frame {
  container: object;
  /** The object's keys, or null for an array. */
  keys: string[] | null;
  index: number;
  written: number;
}

/**
 * JSON.stringify without recursion, for bodies as the parsers give them (objects, arrays, strings,
 * numbers, booleans, null): the same text JSON.stringify would write, at any depth. The parsers
 * take a body nested 100,000 deep, on which JSON.stringify overflows the stack (RangeError).
 * Like JSON.stringify it throws a TypeError on a cycle or a BigInt.
 */
export function jsonText(value: unknown): string {
  const parts: string[] = [];
  const frames: Frame[] = [];
  const ancestors = new Set<object>();
  const begin = (item: unknown): void => {
    if (item === null || typeof item !== 'object') {
      parts.push(primitiveText(item));
      return;
    }
    if (ancestors.has(item)) throw new TypeError('Converting circular structure to JSON');
    ancestors.add(item);
    const isArray = Array.isArray(item);
    parts.push(isArray ? '[' : '{');
    frames.push({ container: item, keys: isArray ? null : Object.keys(item), index: 0, written: 0 });
  };
  begin(withToJson(value, ''));
  while (frames.length > 0) {
    const frame = frames[frames.length - 1];
    const size = frame.keys ? frame.keys.length : (frame.container as unknown[]).length;
    if (frame.index >= size) {
      parts.push(frame.keys ? '}' : ']');
      frames.pop();
      ancestors.delete(frame.container);
      continue;
    }
    const position = frame.index++;
    const key = frame.keys ? frame.keys[position] : String(position);
    const item = withToJson((frame.container as Record<string, unknown>)[key], key);
    if (isOmitted(item)) {
      // An object leaves the member out; an array writes null in its place.
      if (frame.keys) continue;
      if (frame.written++ > 0) parts.push(',');
      parts.push('null');
      continue;
    }
    if (frame.written++ > 0) parts.push(',');
    if (frame.keys) parts.push(`${JSON.stringify(key)}:`);
    begin(item);
  }
  return parts.join('');
}

/** True when the value nests more than `limit` arrays or objects inside each other; without recursion. */
export function exceedsDepth(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop() as [unknown, number];
    if (item === null || typeof item !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
}

function withToJson(value: unknown, key: string): unknown {
  const toJSON = (value as { toJSON?: unknown } | null | undefined)?.toJSON;
  return typeof toJSON === 'function' ? (toJSON as (key: string) => unknown).call(value, key) : value;
}

function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function primitiveText(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'bigint') throw new TypeError('Do not know how to serialize a BigInt');
  // null, and at the top level undefined, a function or a symbol (JSON.stringify would give undefined).
  return 'null';
}
