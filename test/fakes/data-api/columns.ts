/**
 * Result columns. Types, names and precision follow what MySQL Connector/J reports through JDBC
 * (what the Data API passes on); values follow the Data API's Field mapping.
 */
import type { FieldPacket } from 'mysql2/promise';

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

export interface Column {
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

export function describeColumn(field: FieldPacket): Column {
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

export interface ResultOptions {
  longAsString: boolean;
  decimalAsNumber: boolean;
}

/** mysql2 gives BIGINT/DECIMAL as strings (bigNumberStrings); keep integers exact as bigint when unsafe. */
export function exactInteger(value: unknown): number | bigint {
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

export function toCell(column: Column, value: unknown, options: ResultOptions): Cell {
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

export function toField(cell: Cell): Record<string, unknown> {
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

export function toJsonValue(cell: Cell): unknown {
  switch (cell.t) {
    case 'null':
      return null;
    case 'blob':
      return cell.v.toString('base64');
    default:
      return cell.v;
  }
}
