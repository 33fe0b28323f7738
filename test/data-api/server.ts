/**
 * Loopback server speaking the RDS Data API wire format (REST-JSON, as @aws-sdk/client-rds-data v3
 * sends it) and executing on MySQL/MariaDB through mysql2. Test and dev tooling only: SigV4 is
 * accepted unchecked, and secrets are not looked up: a secretArn signs in as mysqlUrl's user unless
 * the `credentials` option names its user.
 *
 *   tsx test/data-api/server.ts      # PORT (8080) and DATABASE_URL (mysql://root@127.0.0.1:3306/test)
 */
import { listenOnLoopback } from '../support/listen.ts';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import mysql from 'mysql2/promise';
import type { FieldPacket, Pool, PoolConnection, ResultSetHeader } from 'mysql2/promise';

export type InjectableError =
  | 'DatabaseResumingException'
  | 'ThrottlingException'
  | 'ServiceUnavailableError'
  | 'InternalServerErrorException';

export interface DataApiServer {
  endpoint: string;
  close(): Promise<void>;
  /** The next `count` requests (any Execute/BatchExecute/transaction call) fail with this AWS error, then normal service resumes. */
  failNext(count: number, error?: InjectableError): void;
  /** Drops failures still queued by failNext. */
  clearFailures(): void;
  /** Every request from now on waits this long before it is handled (0: at once), as an overloaded endpoint does. */
  slowDown(ms: number): void;
  /** How many requests were received per operation, for assertions. */
  readonly calls: Record<string, number>;
}

export interface DataApiServerOptions {
  mysqlUrl: string;
  /** 0 = random */
  port?: number;
  /** Idle time after which an open transaction is rolled back; AWS uses three minutes. */
  transactionTimeoutMs?: number;
  /**
   * Database credentials per secretArn, as the real Data API reads them from the secret: requests
   * with one of these secrets sign in as its user; any other secret signs in as mysqlUrl's user.
   */
  credentials?: Record<string, { username: string; password: string }>;
}

// ---------------------------------------------------------------------------------------------
// AWS-shaped errors: the SDK picks the exception class from x-amzn-errortype (text before ':'),
// and the message from the JSON body.

class AwsError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const badRequest = (message: string) => new AwsError('BadRequestException', 400, message);

const INJECTED: Record<InjectableError, { status: number; message: string }> = {
  // The SDK models DatabaseResumingException as a client fault with HTTP 400.
  DatabaseResumingException: {
    status: 400,
    message: 'The database is resuming after being auto-paused. Please wait a few seconds and try again.',
  },
  ThrottlingException: { status: 400, message: 'Rate exceeded' },
  ServiceUnavailableError: { status: 503, message: 'The service is temporarily unavailable.' },
  InternalServerErrorException: { status: 500, message: 'An internal error occurred.' },
};

// AWS limits: 4 MiB request, 1 MiB response, 64 KB per result row, 64 KiB of SQL.
const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
const MAX_RESPONSE_BYTES = 1024 * 1024;
const MAX_ROW_BYTES = 64 * 1024;
const MAX_SQL_CHARS = 65_536;
const USE_STATEMENT = /^\s*use\b/i;

// ---------------------------------------------------------------------------------------------
// JSON that keeps 64-bit integers exact both ways (JSON.parse would round longValue > 2^53).

type Json = null | boolean | number | bigint | string | Json[] | { [key: string]: Json };

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

function parseJson(text: string): Json {
  let i = 0;
  const fail = (): never => {
    throw new AwsError('SerializationException', 400, 'The request body is not valid JSON.');
  };
  const skipSpace = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const readString = (): string => {
    const start = i++;
    while (i < text.length) {
      const ch = text[i];
      if (ch === '\\') i += 2;
      else if (ch === '"') return JSON.parse(text.slice(start, ++i)) as string;
      else i++;
    }
    return fail();
  };
  const readValue = (): Json => {
    skipSpace();
    const ch = text[i];
    if (ch === '"') return readString();
    if (ch === '{') {
      i++;
      const out: { [key: string]: Json } = {};
      skipSpace();
      if (text[i] === '}') return i++, out;
      for (;;) {
        skipSpace();
        if (text[i] !== '"') fail();
        const key = readString();
        skipSpace();
        if (text[i++] !== ':') fail();
        const value = readValue();
        if (key !== '__proto__') out[key] = value;
        skipSpace();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return i++, out;
        else fail();
      }
    }
    if (ch === '[') {
      i++;
      const out: Json[] = [];
      skipSpace();
      if (text[i] === ']') return i++, out;
      for (;;) {
        out.push(readValue());
        skipSpace();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return i++, out;
        else fail();
      }
    }
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = i;
    const match = NUMBER.exec(text);
    if (!match) return fail();
    i = NUMBER.lastIndex;
    const n = Number(match[0]);
    if (match[1] === undefined && match[2] === undefined && !Number.isSafeInteger(n)) return BigInt(match[0]);
    return n;
  };
  try {
    const value = readValue();
    skipSpace();
    if (i !== text.length) fail();
    return value;
  } catch (error) {
    if (error instanceof AwsError) throw error;
    return fail();
  }
}

function toJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  const parts: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined) parts.push(`${JSON.stringify(key)}:${toJson(item)}`);
  }
  return `{${parts.join(',')}}`;
}

const isObject = (value: unknown): value is { [key: string]: Json } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// ---------------------------------------------------------------------------------------------
// Named parameters → positional `?`. The lexical rules mirror the ones mysql2's formatter uses to
// find `?`, so each `?` written here meets exactly one value and none hides in a literal/comment.

interface CompiledSql {
  text: string;
  names: string[];
}

const NAME_START = /[A-Za-z_]/;
const NAME_PART = /[A-Za-z0-9_]/;

function compileSql(sql: string): CompiledSql {
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

// ---------------------------------------------------------------------------------------------
// Parameter values (SqlParameter.value is a Field union; typeHint applies to stringValue).

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

function bindParameters(compiled: CompiledSql, parameters: Json | undefined): unknown[] {
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

// ---------------------------------------------------------------------------------------------
// Result columns. Types, names and precision follow what MySQL Connector/J reports through JDBC
// (what the Data API passes on); values follow the Data API's Field mapping.

type Kind = 'long' | 'double' | 'decimal' | 'bool' | 'binary' | 'text';

interface ColumnMetadata {
  name: string;
  type: number;
  typeName: string;
  label: string;
  schemaName: string;
  tableName: string;
  isAutoIncrement: boolean;
  isSigned: boolean;
  isCurrency: boolean;
  isCaseSensitive: boolean;
  nullable: number;
  precision: number;
  scale: number;
  arrayBaseColumnType: number;
}

interface Column {
  kind: Kind;
  meta: ColumnMetadata;
}

const FLAG = { NOT_NULL: 1, UNSIGNED: 32, ENUM: 256, AUTO_INCREMENT: 512, SET: 2048 } as const;
const BINARY_CHARSET = 63;
const JDBC = {
  BIT: -7, TINYINT: -6, SMALLINT: 5, INTEGER: 4, BIGINT: -5, REAL: 7, DOUBLE: 8, DECIMAL: 3,
  CHAR: 1, VARCHAR: 12, LONGVARCHAR: -1, BINARY: -2, VARBINARY: -3, LONGVARBINARY: -4,
  DATE: 91, TIME: 92, TIMESTAMP: 93, NULL: 0, OTHER: 1111,
} as const;

function lobName(length: number, binary: boolean): [string, number] {
  const suffix = binary ? 'BLOB' : 'TEXT';
  if (length <= 255) return [`TINY${suffix}`, binary ? JDBC.VARBINARY : JDBC.VARCHAR];
  if (length <= 65_535) return [suffix, binary ? JDBC.LONGVARBINARY : JDBC.LONGVARCHAR];
  if (length <= 16_777_215) return [`MEDIUM${suffix}`, binary ? JDBC.LONGVARBINARY : JDBC.LONGVARCHAR];
  return [`LONG${suffix}`, binary ? JDBC.LONGVARBINARY : JDBC.LONGVARCHAR];
}

function describeColumn(field: FieldPacket): Column {
  const flags = typeof field.flags === 'number' ? field.flags : 0;
  const columnType = field.columnType ?? field.type ?? -1;
  const length = field.columnLength ?? field.length ?? 0;
  const binary = field.characterSet === BINARY_CHARSET;
  // Text results arrive in utf8mb4 (4 bytes a character); JDBC reports characters.
  const chars = field.encoding === 'utf8' ? Math.floor(length / 4) : length;
  const unsigned = (flags & FLAG.UNSIGNED) !== 0;
  const decimals = field.decimals >= 31 ? 0 : field.decimals;
  let kind: Kind = 'text';
  let typeName = 'UNKNOWN';
  let type: number = JDBC.OTHER;
  let numeric = false;
  let precision = length;
  switch (columnType) {
    case 1: // TINY; TINYINT(1) is Connector/J's BIT (tinyInt1isBit) and the Data API answers booleanValue
      if (length === 1 && !unsigned) [kind, typeName, type] = ['bool', 'BIT', JDBC.BIT];
      else [kind, typeName, type, numeric] = ['long', 'TINYINT', JDBC.TINYINT, true];
      break;
    case 2:
      [kind, typeName, type, numeric] = ['long', 'SMALLINT', JDBC.SMALLINT, true];
      break;
    case 9:
      [kind, typeName, type, numeric] = ['long', 'MEDIUMINT', JDBC.INTEGER, true];
      break;
    case 3:
      [kind, typeName, type, numeric] = ['long', 'INT', JDBC.INTEGER, true];
      break;
    case 8:
      [kind, typeName, type, numeric] = ['long', 'BIGINT', JDBC.BIGINT, true];
      break;
    case 13:
      [kind, typeName, type] = ['long', 'YEAR', JDBC.DATE];
      break;
    case 4:
      [kind, typeName, type, numeric] = ['double', 'FLOAT', JDBC.REAL, true];
      break;
    case 5:
      [kind, typeName, type, numeric] = ['double', 'DOUBLE', JDBC.DOUBLE, true];
      break;
    case 0:
    case 246:
      [kind, typeName, type, numeric] = ['decimal', 'DECIMAL', JDBC.DECIMAL, true];
      precision = length - (unsigned ? 0 : 1) - (decimals > 0 ? 1 : 0);
      break;
    case 16: // BIT(1) is a boolean; wider BIT columns are bytes
      [kind, typeName, type] = [length === 1 ? 'bool' : 'binary', 'BIT', JDBC.BIT];
      break;
    case 7:
    case 17:
      [typeName, type] = ['TIMESTAMP', JDBC.TIMESTAMP];
      break;
    case 12:
    case 18:
      [typeName, type] = ['DATETIME', JDBC.TIMESTAMP];
      break;
    case 10:
    case 14:
      [typeName, type] = ['DATE', JDBC.DATE];
      break;
    case 11:
    case 19:
      [typeName, type] = ['TIME', JDBC.TIME];
      break;
    case 6:
      [typeName, type] = ['NULL', JDBC.NULL];
      break;
    case 245:
      [typeName, type, precision] = ['JSON', JDBC.LONGVARCHAR, chars];
      break;
    case 247:
    case 248:
      [typeName, type, precision] = [columnType === 247 ? 'ENUM' : 'SET', JDBC.CHAR, chars];
      break;
    case 249:
    case 250:
    case 251:
    case 252:
      if (binary) [kind, typeName, type] = ['binary', ...lobName(length, true)];
      else if (field.extendedFormat === 'json') [typeName, type, precision] = ['JSON', JDBC.LONGVARCHAR, chars];
      else [[typeName, type], precision] = [lobName(chars, false), chars];
      break;
    case 15:
    case 253:
      if (binary) [kind, typeName, type] = ['binary', 'VARBINARY', JDBC.VARBINARY];
      else [typeName, type, precision] = ['VARCHAR', JDBC.VARCHAR, chars];
      break;
    case 254:
      if (flags & FLAG.ENUM) [typeName, type, precision] = ['ENUM', JDBC.CHAR, chars];
      else if (flags & FLAG.SET) [typeName, type, precision] = ['SET', JDBC.CHAR, chars];
      else if (binary) [kind, typeName, type] = ['binary', 'BINARY', JDBC.BINARY];
      else [typeName, type, precision] = ['CHAR', JDBC.CHAR, chars];
      break;
    case 255:
      [kind, typeName, type] = ['binary', 'GEOMETRY', JDBC.BINARY];
      break;
  }
  if (numeric && unsigned) typeName += ' UNSIGNED';
  return {
    kind,
    meta: {
      name: field.orgName || field.name,
      type,
      typeName,
      label: field.name,
      schemaName: '',
      tableName: field.orgTable || field.table || '',
      isAutoIncrement: (flags & FLAG.AUTO_INCREMENT) !== 0,
      isSigned: numeric && !unsigned,
      isCurrency: false,
      isCaseSensitive: binary && !numeric && kind !== 'bool' && type !== JDBC.TIMESTAMP && type !== JDBC.DATE && type !== JDBC.TIME,
      nullable: flags & FLAG.NOT_NULL ? 0 : 1,
      precision: Math.min(precision, 2_147_483_647),
      scale: kind === 'double' || kind === 'decimal' || type === JDBC.TIMESTAMP || type === JDBC.TIME ? decimals : 0,
      arrayBaseColumnType: 0,
    },
  };
}

interface ResultOptions {
  longAsString: boolean;
  decimalAsNumber: boolean;
}

/** mysql2 gives BIGINT/DECIMAL as strings (bigNumberStrings); keep integers exact as bigint when unsafe. */
function exactInteger(value: unknown): number | bigint {
  const big = typeof value === 'bigint' ? value : BigInt(String(value));
  return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
}

function asBuffer(value: unknown): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(String(value));
}

/** The plain JS value of a cell, with the JSON-format typing AWS documents (used by both formats). */
type Cell =
  | { t: 'null' }
  | { t: 'long'; v: number | bigint }
  | { t: 'double'; v: number }
  | { t: 'string'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'blob'; v: Buffer };

function toCell(column: Column, value: unknown, options: ResultOptions): Cell {
  if (value === null || value === undefined) return { t: 'null' };
  switch (column.kind) {
    case 'long':
      return options.longAsString ? { t: 'string', v: String(value) } : { t: 'long', v: exactInteger(value) };
    case 'double':
      return { t: 'double', v: Number(value) };
    case 'decimal': {
      const text = String(value);
      if (!options.decimalAsNumber) return { t: 'string', v: text };
      return column.meta.scale === 0 ? { t: 'long', v: exactInteger(text) } : { t: 'double', v: Number(text) };
    }
    case 'bool':
      return { t: 'bool', v: Buffer.isBuffer(value) ? value.some((byte) => byte !== 0) : Number(value) !== 0 };
    case 'binary':
      return { t: 'blob', v: asBuffer(value) };
    case 'text':
      return { t: 'string', v: Buffer.isBuffer(value) ? value.toString('utf8') : String(value) };
  }
}

function toField(cell: Cell): Record<string, unknown> {
  switch (cell.t) {
    case 'null':
      return { isNull: true };
    case 'long':
      return { longValue: cell.v };
    case 'double':
      return { doubleValue: cell.v };
    case 'string':
      return { stringValue: cell.v };
    case 'bool':
      return { booleanValue: cell.v };
    case 'blob':
      return { blobValue: cell.v.toString('base64') };
  }
}

function toJsonValue(cell: Cell): unknown {
  switch (cell.t) {
    case 'null':
      return null;
    case 'blob':
      return cell.v.toString('base64');
    default:
      return cell.v;
  }
}

// ---------------------------------------------------------------------------------------------
// Statement execution

interface StatementResult {
  columns?: Column[];
  rows?: unknown[][];
  header?: ResultSetHeader;
}

function mysqlErrorToAws(error: unknown): AwsError {
  if (error instanceof AwsError) return error;
  const e = error as { sqlMessage?: string; message?: string; code?: string; fatal?: boolean };
  if (typeof e?.sqlMessage === 'string') return badRequest(e.sqlMessage);
  const message = e?.message ?? String(error);
  if (e?.fatal || (typeof e?.code === 'string' && /^E[A-Z]+$/.test(e.code))) {
    return new AwsError('DatabaseUnavailableException', 504, `Communications link failure: ${message}`);
  }
  return new AwsError('InternalServerErrorException', 500, message);
}

async function runStatement(conn: PoolConnection, compiled: CompiledSql, values: unknown[]): Promise<StatementResult> {
  const [result, fields] = await conn.query({ sql: compiled.text, values, rowsAsArray: true });
  if (!Array.isArray(result)) return { header: result as ResultSetHeader };
  // CALL answers several results: report the first result set, as JDBC's execute() does.
  if (Array.isArray(fields) && Array.isArray(fields[0])) {
    const sets = result as unknown[];
    const index = sets.findIndex((set) => Array.isArray(set));
    if (index === -1) return { header: sets[sets.length - 1] as ResultSetHeader };
    const setFields = (fields as unknown as FieldPacket[][])[index] ?? [];
    return { columns: setFields.map(describeColumn), rows: sets[index] as unknown[][] };
  }
  return { columns: (fields ?? []).map(describeColumn), rows: result as unknown as unknown[][] };
}

function generatedFields(header: ResultSetHeader | undefined): Record<string, unknown>[] {
  const id = header?.insertId as number | string | undefined;
  if (id === undefined || id === null || String(id) === '0') return [];
  return [{ longValue: exactInteger(id) }];
}

// ---------------------------------------------------------------------------------------------

function requireString(input: { [key: string]: Json }, key: string): string {
  const value = input[key];
  if (typeof value !== 'string' || value === '') throw badRequest(`${key} is required`);
  return value;
}

interface Transaction {
  id: string;
  conn: PoolConnection;
  chain: Promise<unknown>;
  timer?: NodeJS.Timeout;
}

export async function startDataApiServer(options: DataApiServerOptions): Promise<DataApiServer> {
  const url = new URL(options.mysqlUrl);
  const defaultDatabase = decodeURIComponent(url.pathname.replace(/^\//, '')) || undefined;
  const transactionTimeoutMs = options.transactionTimeoutMs ?? 3 * 60_000;
  const createPoolFor = (uri: string): Pool => mysql.createPool({
    uri,
    charset: 'utf8mb4',
    // Exact BIGINT/DECIMAL and DATETIME text, as MySQL sends them.
    supportBigNumbers: true,
    bigNumberStrings: true,
    decimalNumbers: false,
    dateStrings: true,
    jsonStrings: true,
    multipleStatements: false,
    connectionLimit: 10,
    typeCast: (field, next) => (field.type === 'GEOMETRY' ? field.buffer() : next()),
  });
  const pool = createPoolFor(options.mysqlUrl);
  const userPools = new Map<string, Pool>();

  /** The pool of the user the request's secret names. */
  function poolFor(input: { [key: string]: Json }): Pool {
    const secretArn = typeof input.secretArn === 'string' ? input.secretArn : '';
    const credentials = options.credentials?.[secretArn];
    if (!credentials) return pool;
    let userPool = userPools.get(secretArn);
    if (!userPool) {
      const uri = new URL(options.mysqlUrl);
      uri.username = encodeURIComponent(credentials.username);
      uri.password = encodeURIComponent(credentials.password);
      userPool = createPoolFor(uri.toString());
      userPools.set(secretArn, userPool);
    }
    return userPool;
  }

  const calls: Record<string, number> = {
    ExecuteStatement: 0,
    BatchExecuteStatement: 0,
    BeginTransaction: 0,
    CommitTransaction: 0,
    RollbackTransaction: 0,
  };
  const failures: InjectableError[] = [];
  let latencyMs = 0;
  const transactions = new Map<string, Transaction>();
  // Which schema each pooled session is on, by thread id, so USE runs only on a change.
  const sessionDatabase = new Map<number, string | null>();

  async function prepareSession(conn: PoolConnection, database: string | undefined) {
    if (!sessionDatabase.has(conn.threadId)) {
      // Aurora's default time_zone is UTC; TIMESTAMP text depends on it.
      await conn.query("SET time_zone = '+00:00'");
      sessionDatabase.set(conn.threadId, defaultDatabase ?? null);
    }
    const target = database ?? defaultDatabase;
    if (target !== undefined && sessionDatabase.get(conn.threadId) !== target) {
      await conn.query(`USE ${mysql.escapeId(target)}`);
      sessionDatabase.set(conn.threadId, target);
    }
  }

  async function withPooled<T>(from: Pool, database: string | undefined, fn: (conn: PoolConnection) => Promise<T>): Promise<T> {
    let conn: PoolConnection;
    try {
      conn = await from.getConnection();
    } catch (error) {
      throw mysqlErrorToAws(error);
    }
    try {
      await prepareSession(conn, database);
      return await fn(conn);
    } finally {
      conn.release();
    }
  }

  function findTransaction(id: string): Transaction {
    const tx = transactions.get(id);
    if (!tx) throw badRequest(`Transaction ${id} is not found`);
    return tx;
  }

  function armTimer(tx: Transaction) {
    clearTimeout(tx.timer);
    tx.timer = setTimeout(() => void finishTransaction(tx, 'rollback').catch(() => {}), transactionTimeoutMs);
    tx.timer.unref();
  }

  /** Statements of one transaction run one at a time, in arrival order, on its connection. */
  function inTransaction<T>(tx: Transaction, fn: (conn: PoolConnection) => Promise<T>): Promise<T> {
    clearTimeout(tx.timer);
    const run = tx.chain.then(() => fn(tx.conn));
    tx.chain = run.then(
      () => transactions.has(tx.id) && armTimer(tx),
      () => transactions.has(tx.id) && armTimer(tx),
    );
    return run;
  }

  async function finishTransaction(tx: Transaction, how: 'commit' | 'rollback'): Promise<void> {
    // Gone from the map at once: later calls with this id are "not found", queued ones still run first.
    transactions.delete(tx.id);
    clearTimeout(tx.timer);
    await tx.chain;
    try {
      if (how === 'commit') await tx.conn.commit();
      else await tx.conn.rollback();
      tx.conn.release();
    } catch (error) {
      tx.conn.destroy();
      throw mysqlErrorToAws(error);
    }
  }

  /** Runs on the transaction's connection when there is one, else on a pooled connection. */
  function onConnection<T>(input: { [key: string]: Json }, fn: (conn: PoolConnection, inTx: boolean) => Promise<T>): Promise<T> {
    const transactionId = input.transactionId;
    if (typeof transactionId === 'string' && transactionId !== '') {
      return inTransaction(findTransaction(transactionId), (conn) => fn(conn, true));
    }
    const database = typeof input.database === 'string' && input.database !== '' ? input.database : undefined;
    return withPooled(poolFor(input), database, (conn) => fn(conn, false));
  }

  function compiledSql(input: { [key: string]: Json }): CompiledSql {
    const sql = requireString(input, 'sql');
    if (sql.length > MAX_SQL_CHARS) throw badRequest(`The SQL statement is longer than ${MAX_SQL_CHARS} characters`);
    return compileSql(sql);
  }

  async function executeStatement(input: { [key: string]: Json }): Promise<Record<string, unknown>> {
    const compiled = compiledSql(input);
    const values = bindParameters(compiled, input.parameters);
    const format = input.formatRecordsAs ?? 'NONE';
    if (format !== 'NONE' && format !== 'JSON') throw badRequest(`formatRecordsAs must be NONE or JSON`);
    const resultSetOptions = isObject(input.resultSetOptions) ? input.resultSetOptions : {};
    const resultOptions: ResultOptions = {
      longAsString: resultSetOptions.longReturnType === 'STRING',
      decimalAsNumber: resultSetOptions.decimalReturnType === 'DOUBLE_OR_LONG',
    };
    const result = await onConnection(input, async (conn) => {
      try {
        return await runStatement(conn, compiled, values);
      } catch (error) {
        throw mysqlErrorToAws(error);
      } finally {
        // The statement may have switched schema itself: make the next user re-select.
        if (USE_STATEMENT.test(compiled.text)) sessionDatabase.set(conn.threadId, null);
      }
    });
    if (!result.columns || !result.rows) {
      return {
        numberOfRecordsUpdated: result.header?.affectedRows ?? 0,
        generatedFields: generatedFields(result.header),
      };
    }
    const columns = result.columns;
    for (const row of result.rows) {
      // A row as MySQL sends it: each value's bytes (the length prefixes are a few bytes more).
      const bytes = row.reduce((sum: number, value) => sum + (value === null || value === undefined ? 0 : Buffer.isBuffer(value) ? value.length : Buffer.byteLength(String(value))), 0);
      // The error AWS's troubleshooting guide names for a row over 64 KB.
      if (bytes > MAX_ROW_BYTES) throw badRequest(`Packet for query is too large (${bytes} > ${MAX_ROW_BYTES}). The Data API size limit is 64 KB per row in the result set.`);
    }
    const cells = result.rows.map((row) => columns.map((column, i) => toCell(column, row[i], resultOptions)));
    if (format === 'JSON') {
      // Column labels are the keys: two columns with one label cannot both be kept.
      const labels = columns.map((column) => column.meta.label);
      const duplicate = labels.find((label, i) => labels.indexOf(label) !== i);
      if (duplicate !== undefined) {
        throw badRequest(`The result set has more than one column named ${duplicate}; give them distinct aliases with AS`);
      }
      const objects = cells.map((row) => Object.fromEntries(row.map((cell, i) => [labels[i], toJsonValue(cell)])));
      return { formattedRecords: toJson(objects), numberOfRecordsUpdated: 0 };
    }
    return {
      records: cells.map((row) => row.map(toField)),
      ...(input.includeResultMetadata === true && { columnMetadata: columns.map((column) => column.meta) }),
      numberOfRecordsUpdated: 0,
    };
  }

  async function batchExecuteStatement(input: { [key: string]: Json }): Promise<Record<string, unknown>> {
    const compiled = compiledSql(input);
    const sets = input.parameterSets ?? [];
    if (!Array.isArray(sets)) throw badRequest('parameterSets must be a list of parameter lists');
    const bound = sets.length === 0 ? [bindParameters(compiled, [])] : sets.map((set) => bindParameters(compiled, set));
    const updateResults = await onConnection(input, async (conn, inTx) => {
      // Outside a transaction the whole batch commits or none of it does.
      if (!inTx) await conn.beginTransaction().catch((error: unknown) => Promise.reject(mysqlErrorToAws(error)));
      try {
        const results: Record<string, unknown>[] = [];
        for (const values of bound) {
          const result = await runStatement(conn, compiled, values);
          results.push({ generatedFields: generatedFields(result.header) });
        }
        if (!inTx) await conn.commit();
        return sets.length === 0 ? [] : results;
      } catch (error) {
        if (!inTx) await conn.rollback().catch(() => {});
        throw mysqlErrorToAws(error);
      }
    });
    return { updateResults };
  }

  async function beginTransaction(input: { [key: string]: Json }): Promise<Record<string, unknown>> {
    const database = typeof input.database === 'string' && input.database !== '' ? input.database : undefined;
    let conn: PoolConnection;
    try {
      conn = await poolFor(input).getConnection();
    } catch (error) {
      throw mysqlErrorToAws(error);
    }
    try {
      await prepareSession(conn, database);
      await conn.beginTransaction();
    } catch (error) {
      conn.release();
      throw mysqlErrorToAws(error);
    }
    const tx: Transaction = { id: randomBytes(48).toString('base64'), conn, chain: Promise.resolve() };
    transactions.set(tx.id, tx);
    armTimer(tx);
    return { transactionId: tx.id };
  }

  async function endTransaction(input: { [key: string]: Json }, how: 'commit' | 'rollback') {
    const tx = findTransaction(requireString(input, 'transactionId'));
    await finishTransaction(tx, how);
    return { transactionStatus: how === 'commit' ? 'Transaction Committed' : 'Rollback Complete' };
  }

  const routes: Record<string, [string, (input: { [key: string]: Json }) => Promise<Record<string, unknown>>]> = {
    '/Execute': ['ExecuteStatement', executeStatement],
    '/BatchExecute': ['BatchExecuteStatement', batchExecuteStatement],
    '/BeginTransaction': ['BeginTransaction', beginTransaction],
    '/CommitTransaction': ['CommitTransaction', (input) => endTransaction(input, 'commit')],
    '/RollbackTransaction': ['RollbackTransaction', (input) => endTransaction(input, 'rollback')],
  };

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size <= MAX_REQUEST_BYTES) chunks.push(chunk);
    }
    if (size > MAX_REQUEST_BYTES) throw badRequest('Request size exceeds the 4 MiB limit');
    return Buffer.concat(chunks).toString('utf8');
  }

  function send(res: ServerResponse, status: number, body: string, headers: Record<string, string>) {
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      'x-amzn-requestid': randomUUID(),
      ...headers,
    });
    res.end(body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    try {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const route = req.method === 'POST' ? routes[path] : undefined;
      const body = await readBody(req);
      if (!route) throw new AwsError('UnknownOperationException', 404, `No operation at ${req.method} ${path}`);
      const [operation, handler] = route;
      calls[operation] = (calls[operation] ?? 0) + 1;
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      const injected = failures.shift();
      if (injected) throw new AwsError(injected, INJECTED[injected].status, INJECTED[injected].message);
      const input = parseJson(body === '' ? '{}' : body);
      if (!isObject(input)) throw new AwsError('SerializationException', 400, 'The request body must be a JSON object.');
      requireString(input, 'resourceArn');
      requireString(input, 'secretArn');
      const output = toJson(await handler(input));
      if (Buffer.byteLength(output) > MAX_RESPONSE_BYTES) {
        throw badRequest('Database returned more than the allowed response size limit');
      }
      send(res, 200, output, {});
    } catch (error) {
      const aws = mysqlErrorToAws(error);
      // AWS sends "Code:namespace-uri"; the SDK keeps the part before ':'.
      send(res, aws.status, toJson({ message: aws.message }), {
        'x-amzn-errortype': `${aws.code}:http://internal.amazon.com/coral/com.amazon.rdsdataservice/`,
      });
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  const port = await listenOnLoopback(server, options.port);

  let closing: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    failNext(count: number, error: InjectableError = 'DatabaseResumingException') {
      if (!(error in INJECTED)) throw new Error(`failNext: unsupported error ${String(error)}`);
      for (let i = 0; i < count; i++) failures.push(error);
    },
    clearFailures() {
      failures.length = 0;
    },
    slowDown(ms: number) {
      latencyMs = ms;
    },
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // The SDK keeps sockets alive; drop them so close() does not wait for their timeout.
        server.closeAllConnections();
        await Promise.allSettled([...transactions.values()].map((tx) => finishTransaction(tx, 'rollback')));
        await closed;
        await Promise.all([pool, ...userPools.values()].map((p) => p.end()));
      })();
      return closing;
    },
  };
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  const mysqlUrl = process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/test';
  startDataApiServer({ mysqlUrl, port: Number(process.env.PORT ?? 8080) }).then(
    (server) => {
      console.log(server.endpoint);
      const stop = () => void server.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
