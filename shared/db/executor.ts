/** A value bound to a `:name` parameter. Dates are sent as UTC timestamps. */
export type SqlValue = string | number | null | Date;
export type SqlParams = Record<string, SqlValue>;
/** Column values as the driver returns them; DATETIME columns come back as 'YYYY-MM-DD HH:MM:SS.fff' (UTC). */
export type Row = Record<string, string | number | null>;

export interface ExecResult {
  rows: Row[];
  insertId?: number;
  affectedRows: number;
}

export type Dialect = 'mysql' | 'sqlite';

/**
 * Runs one statement written with `:name` parameters. The statements are shared across
 * backends (sql.ts); an executor only moves values in and out of its driver.
 */
export interface SqlExecutor {
  readonly dialect: Dialect;
  execute(sql: string, params?: SqlParams): Promise<ExecResult>;
  close(): Promise<void>;
}

/** MySQL DATETIME(3) literal in UTC, also how SQLite stores times so they sort as text. */
export const toSqlTimestamp = (date: Date): string => date.toISOString().replace('T', ' ').replace('Z', '');

export const fromSqlTimestamp = (value: string): string => {
  const [day, time = '00:00:00'] = value.split(' ');
  const [hms, fraction = ''] = time.split('.');
  return `${day}T${hms}.${fraction.padEnd(3, '0').slice(0, 3)}Z`;
};
