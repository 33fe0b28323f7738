import mysql from 'mysql2/promise';
import type { ExecResult, Row, SqlExecutor, SqlParams } from '../executor.ts';
import { isConnectFailure, withRetry, type RetryPolicy } from '../retry.ts';

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
      const [result] = await withRetry(() => pool.query(sql, params), policy);
      if (Array.isArray(result)) return { rows: result as Row[], affectedRows: 0 };
      const header = result as mysql.ResultSetHeader;
      return { rows: [], insertId: header.insertId || undefined, affectedRows: header.affectedRows };
    },
    close: () => pool.end(),
  };
}
