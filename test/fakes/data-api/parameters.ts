/**
 * Named parameters → positional `?`. The lexical rules mirror the ones mysql2's formatter uses to
 * find `?`, so each `?` written here meets exactly one value and none hides in a literal/comment.
 * Parameter values: SqlParameter.value is a Field union; typeHint applies to stringValue.
 */
import mysql from 'mysql2/promise';
import { badRequest } from './errors.ts';
import { isObject, type Json } from './json.ts';

export interface CompiledSql {
  text: string;
  names: string[];
}

const NAME_START = /[A-Za-z_]/;
const NAME_PART = /[A-Za-z0-9_]/;

export function compileSql(sql: string): CompiledSql {
  const names: string[] = [];
  let text = '';
  let i = 0;
  const copyUntil = (end: number) => {
    text += sql.slice(i, end);
    i = end;
  };
  while (i < sql.length) {
    const ch = sql[i]!;
    const next = sql[i + 1];
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      while (j < sql.length && sql[j] !== ch) j += sql[j] === '\\' ? 2 : 1;
      copyUntil(Math.min(j + 1, sql.length));
    } else if (ch === '`') {
      const end = sql.indexOf('`', i + 1);
      copyUntil(end === -1 ? sql.length : end + 1);
    } else if (ch === '#' || (ch === '-' && next === '-' && (i + 2 >= sql.length || sql.charCodeAt(i + 2) <= 32))) {
      const end = sql.indexOf('\n', i);
      copyUntil(end === -1 ? sql.length : end + 1);
    } else if (ch === '/' && next === '*' && sql[i + 2] !== '!' && sql[i + 2] !== '+') {
      const end = sql.indexOf('*/', i + 2);
      copyUntil(end === -1 ? sql.length : end + 2);
    } else if (ch === '?') {
      // JDBC would read it as a positional parameter that can never be bound.
      throw badRequest('Positional parameters (?) are not supported; use named parameters such as :name.');
    } else if (ch === ':' && next === ':') {
      copyUntil(i + 2);
    } else if (ch === ':' && next !== undefined && NAME_START.test(next)) {
      let j = i + 2;
      while (j < sql.length && NAME_PART.test(sql[j]!)) j++;
      names.push(sql.slice(i + 1, j));
      // `??` would be read by mysql2 as an identifier placeholder.
      text += text.endsWith('?') ? ' ?' : '?';
      i = j;
    } else {
      copyUntil(i + 1);
    }
  }
  return { text, names };
}

const pad = (n: number) => String(n).padStart(2, '0');

function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

const TIMESTAMP_RE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?$/;
const DECIMAL_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const validTime = (h: string, m: string, s: string) => Number(h) < 24 && Number(m) < 60 && Number(s) < 60;

function hinted(name: string, hint: string, value: string): unknown {
  switch (hint) {
    case 'TIMESTAMP': {
      const m = TIMESTAMP_RE.exec(value);
      if (!m || !isValidDate(+m[1]!, +m[2]!, +m[3]!) || !validTime(m[4]!, m[5]!, m[6]!)) {
        throw badRequest(`Parameter ${name}: Timestamp format must be yyyy-mm-dd hh:mm:ss[.fff]`);
      }
      // A typed literal, so the value reaches MySQL as a TIMESTAMP and not as a string.
      return mysql.raw(`TIMESTAMP ${mysql.escape(value)}`);
    }
    case 'DATE': {
      const m = DATE_RE.exec(value);
      if (!m || !isValidDate(+m[1]!, +m[2]!, +m[3]!)) throw badRequest(`Parameter ${name}: Date format must be yyyy-mm-dd`);
      return mysql.raw(`DATE ${mysql.escape(value)}`);
    }
    case 'TIME': {
      const m = TIME_RE.exec(value);
      if (!m || !validTime(m[1]!, m[2]!, m[3]!)) throw badRequest(`Parameter ${name}: Time format must be hh:mm:ss[.fff]`);
      return mysql.raw(`TIME ${mysql.escape(value)}`);
    }
    case 'DECIMAL':
      if (!DECIMAL_RE.test(value)) throw badRequest(`Parameter ${name}: ${JSON.stringify(value)} is not a valid DECIMAL`);
      // Validated digits: an exact-value numeric literal keeps every digit (a string would too, but as text).
      return mysql.raw(value);
    case 'UUID':
      if (!UUID_RE.test(value)) throw badRequest(`Parameter ${name}: Invalid UUID string: ${value}`);
      return value;
    case 'JSON':
      try {
        JSON.parse(value);
      } catch {
        throw badRequest(`Parameter ${name}: the value is not valid JSON`);
      }
      return value;
    default:
      throw badRequest(`Parameter ${name}: unknown typeHint ${hint}; expected one of JSON, UUID, TIMESTAMP, DATE, TIME, DECIMAL`);
  }
}

function toSqlValue(parameter: { [key: string]: Json }): unknown {
  const name = String(parameter.name);
  const value = parameter.value;
  const hint = parameter.typeHint;
  if (!isObject(value)) throw badRequest(`Parameter ${name} has no value`);
  const members = Object.keys(value).filter((key) => value[key] !== null && value[key] !== undefined);
  if (members.length !== 1) throw badRequest(`Parameter ${name}: value must set exactly one member`);
  const member = members[0]!;
  const v = value[member];
  if (hint !== undefined && hint !== null && member !== 'stringValue') {
    throw badRequest(`Parameter ${name}: typeHint ${String(hint)} needs a stringValue`);
  }
  switch (member) {
    case 'isNull':
      if (v !== true) throw badRequest(`Parameter ${name}: isNull must be true`);
      return null;
    case 'stringValue':
      if (typeof v !== 'string') throw badRequest(`Parameter ${name}: stringValue must be a string`);
      return typeof hint === 'string' ? hinted(name, hint, v) : v;
    case 'longValue':
      if (typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v))) return v;
      throw badRequest(`Parameter ${name}: longValue must be an integer`);
    case 'doubleValue':
      if (typeof v === 'number' && Number.isFinite(v)) return v;
      if (typeof v === 'bigint') return Number(v);
      throw badRequest(`Parameter ${name}: doubleValue must be a finite number`);
    case 'booleanValue':
      if (typeof v !== 'boolean') throw badRequest(`Parameter ${name}: booleanValue must be a boolean`);
      return v;
    case 'blobValue':
      if (typeof v !== 'string') throw badRequest(`Parameter ${name}: blobValue must be base64`);
      return Buffer.from(v, 'base64');
    case 'arrayValue':
      throw badRequest(`Parameter ${name}: array parameters are not supported for MySQL`);
    default:
      throw badRequest(`Parameter ${name}: unknown value member ${member}`);
  }
}

export function bindParameters(compiled: CompiledSql, parameters: Json | undefined): unknown[] {
  const byName = new Map<string, unknown>();
  if (parameters !== undefined && parameters !== null) {
    if (!Array.isArray(parameters)) throw badRequest('parameters must be a list');
    for (const parameter of parameters) {
      if (!isObject(parameter) || typeof parameter.name !== 'string' || parameter.name === '') {
        throw badRequest('Every parameter needs a name');
      }
      byName.set(parameter.name, toSqlValue(parameter));
    }
  }
  return compiled.names.map((name) => {
    if (!byName.has(name)) throw badRequest(`No value specified for parameter: ${name}`);
    return byName.get(name);
  });
}
