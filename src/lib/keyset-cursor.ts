// Opaque keyset-pagination cursors: the last row's (created_at, id). created_at travels as Postgres's own
// text, so no precision is lost and no row is skipped or repeated between pages.
import { base64Url, fromBase64 } from './encoding.ts';
import { ApiError } from './errors.ts';

export function encodeCursor(createdAt: string, id: number | string): string {
  return base64Url(new TextEncoder().encode(JSON.stringify([createdAt, id])));
}

// Postgres's timestamptz text (ISO DateStyle), as encodeCursor wrote it. Anything looser (Date.parse accepts
// "2020" or "Tue, 1 Jan") would reach the query and fail there as a data exception.
const PG_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(?:Z|[+-](\d{2})(?::?(\d{2}))?)$/;

function isTimestamp(text: string): boolean {
  const m = PG_TIMESTAMP.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second, offsetHours = 0, offsetMinutes = 0] = m.slice(1).map((v) => Number(v ?? 0));
  const date = new Date(Date.UTC(year!, month! - 1, day));
  return (
    year! >= 1 &&
    date.getUTCMonth() === month! - 1 &&
    date.getUTCDate() === day &&
    hour! < 24 &&
    minute! < 60 &&
    second! < 60 &&
    offsetHours <= 15 &&
    offsetMinutes < 60
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a cursor id is a row id of its kind: a positive bigint (`serial`) or a UUID (`uuid`). */
const ID_KINDS = {
  serial: (id: unknown): id is number => Number.isSafeInteger(id) && (id as number) > 0,
  uuid: (id: unknown): id is string => typeof id === 'string' && UUID.test(id),
};

/** The cursor's parts, or 400 `invalid_request`: a cursor is only ever what encodeCursor produced. */
export function decodeCursor<K extends keyof typeof ID_KINDS>(
  cursor: string,
  idKind: K,
): { createdAt: string; id: K extends 'serial' ? number : string } {
  try {
    const [createdAt, id, ...rest] = JSON.parse(new TextDecoder().decode(fromBase64(cursor))) as unknown[];
    if (rest.length === 0 && typeof createdAt === 'string' && isTimestamp(createdAt) && ID_KINDS[idKind](id)) {
      return { createdAt, id: id as K extends 'serial' ? number : string };
    }
  } catch {
    // fall through
  }
  throw new ApiError('invalid_request', 'The cursor is not valid.');
}
