import mysql from 'mysql2/promise';
import type { ExecResult, Row, SqlExecutor, SqlParams } from '../executor.ts';
import { AppError } from '../../errors.ts';
import { isConnectFailure, withRetry, type RetryPolicy } from '../retry.ts';

// The connection broke while the statement was in flight: it may or may not have run, so it is
// not retried, but the client hears that the database is unavailable rather than a bare 500.
const LOST_CONNECTION = new Set(['PROTOCOL_CONNECTION_LOST', 'ECONNRESET', 'EPIPE']);

/** MySQL or MariaDB through mysql2, for local runs and tests against a real server. */
export function createMysqlExecutor(url: string, retry: Partial<RetryPolicy> = {}): SqlExecutor {
  const policy: RetryPolicy = {
    budgetMs: 3_000,
    baseDelayMs: 100,
    maxDelayMs: 1_000,
    isTransient: isConnectFailure,
    ...retry,
  };
  const pool = mysql.createPool({
    uri: url,
    namedPlaceholders: true,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    // Times come back as the same 'YYYY-MM-DD HH:MM:SS.fff' text the other backends give.
    dateStrings: true,
    supportBigNumbers: true,
    connectionLimit: 4,
    connectTimeout: 5000,
  });
  return {
    dialect: 'mysql',
    async execute(sql: string, params: SqlParams = {}): Promise<ExecResult> {
      // query(), not execute(): server-side prepared LIMIT/DDL support differs between MySQL and MariaDB.
      const [result] = await withRetry(() => pool.query(sql, params), policy).catch((error: unknown) => {
        if (!LOST_CONNECTION.has((error as { code?: string }).code ?? '')) throw error;
        throw new AppError('DATABASE_UNAVAILABLE', 'the connection to the database was lost; try again', { 'Retry-After': '1' }, error);
      });
      if (Array.isArray(result)) return { rows: result as Row[], affectedRows: 0 };
      const header = result as mysql.ResultSetHeader;
      return { rows: [], insertId: header.insertId || undefined, affectedRows: header.affectedRows };
    },
    close: () => pool.end(),
  };
}
