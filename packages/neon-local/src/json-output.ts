// Row shaping for the HTTP reply. With `Neon-Raw-Text-Output: true` (what neon() always sends) values
// stay Postgres text; without it Neon's proxy turns bool, int2/int4, float4/float8 and json/jsonb (and
// arrays of any type) into JSON values (proxy/src/serverless/json.rs), which is mirrored here.
import type { FieldInfo } from './backend.ts';

const BOOL = 16;
const INT2 = 21;
const INT4 = 23;
const FLOAT4 = 700;
const FLOAT8 = 701;
const JSON_OID = 114;
const JSONB = 3802;

// Built-in array type OID → element type OID (Neon learns these from the catalog; the built-ins suffice here).
const ARRAY_ELEMENT: Record<number, number> = {
  1000: BOOL,
  1001: 17,
  1002: 18,
  1003: 19,
  1005: INT2,
  1007: INT4,
  1009: 25,
  1014: 1042,
  1015: 1043,
  1016: 20,
  1021: FLOAT4,
  1022: FLOAT8,
  1028: 26,
  1115: 1114,
  1182: 1082,
  1183: 1083,
  1185: 1184,
  1187: 1186,
  1231: 1700,
  1270: 1266,
  2951: 2950,
  199: JSON_OID,
  3807: JSONB,
  1041: 869,
  651: 650,
  1040: 829,
  1561: 1560,
  1563: 1562,
  3643: 3614,
  3645: 3615,
};

export function shapeRows(rows: (string | null)[][], fields: FieldInfo[], rawText: boolean, arrayMode: boolean): unknown[] {
  if (rawText && arrayMode) return rows;
  return rows.map((row) => {
    const values = rawText ? row : row.map((v, i) => (v === null ? null : textToJson(v, fields[i]?.dataTypeID ?? 0)));
    if (arrayMode) return values;
    const object: Record<string, unknown> = {};
    fields.forEach((f, i) => (object[f.name] = values[i] ?? null));
    return object;
  });
}

export function textToJson(value: string, oid: number): unknown {
  const element = ARRAY_ELEMENT[oid];
  return element === undefined ? scalar(value, oid) : parseArray(value, element);
}

function scalar(value: string, oid: number): unknown {
  switch (oid) {
    case BOOL:
      return value === 't';
    case INT2:
    case INT4:
      return Number.parseInt(value, 10);
    case FLOAT4:
    case FLOAT8: {
      const n = Number(value);
      return Number.isFinite(n) ? n : value; // NaN / ±Infinity stay strings
    }
    case JSON_OID:
    case JSONB:
      return JSON.parse(value);
    default:
      return value;
  }
}

/** Postgres array text (`{1,NULL,"a b",{2,3}}`, optionally `[1:2]=` bounds) → nested JS arrays. */
function parseArray(text: string, element: number): unknown[] {
  let at = 0;
  if (text.startsWith('[')) at = text.indexOf('=') + 1; // bounds decoration carries nothing JSON can hold
  const skipSpace = () => {
    while (text[at] === ' ') at++;
  };
  const list = (): unknown[] => {
    skipSpace();
    if (text[at] !== '{') throw new Error('neon-local: malformed array value');
    at++;
    const out: unknown[] = [];
    skipSpace();
    if (text[at] === '}') {
      at++;
      return out;
    }
    for (;;) {
      skipSpace();
      if (text[at] === '{') out.push(list());
      else if (text[at] === '"') {
        let s = '';
        for (at++; text[at] !== '"'; at++) {
          if (at >= text.length) throw new Error('neon-local: malformed array value');
          if (text[at] === '\\') at++;
          s += text[at];
        }
        at++;
        out.push(scalar(s, element));
      } else {
        let end = at;
        while (end < text.length && text[end] !== ',' && text[end] !== '}') end++;
        const item = text.slice(at, end).trim();
        at = end;
        out.push(item === 'NULL' ? null : scalar(item, element));
      }
      skipSpace();
      if (text[at] === ',') at++;
      else if (text[at] === '}') {
        at++;
        return out;
      } else throw new Error('neon-local: malformed array value');
    }
  };
  return list();
}
