import { AuditPosition } from './audit-log.repository';

/** Opaque page cursors: the last entry's time and id, base64url JSON. */
export function encodeAuditCursor(position: AuditPosition): string {
  return Buffer.from(JSON.stringify([position.at, position.id]), 'utf8').toString('base64url');
}

/** The position a cursor names, or null when it is not one this API gave out. */
export function decodeAuditCursor(cursor: string): AuditPosition | null {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(decoded) || decoded.length !== 2) return null;
    const [at, id] = decoded as unknown[];
    if (typeof at !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(at))) return null;
    if (!/^aud_[A-Za-z0-9_-]{1,60}$/.test(id)) return null;
    return { at, id };
  } catch {
    return null;
  }
}
