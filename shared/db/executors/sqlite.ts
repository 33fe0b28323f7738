import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { toSqlTimestamp, type ExecResult, type SqlExecutor, type SqlParams } from '../executor.ts';

const bind = (params: SqlParams) =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v instanceof Date ? toSqlTimestamp(v) : v]));

/** The embedded default store: one file, write-ahead log so a killed process leaves it consistent. */
export function createSqliteExecutor(path: string): SqlExecutor {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  return {
    dialect: 'sqlite',
    async execute(sql: string, params: SqlParams = {}): Promise<ExecResult> {
      const statement = prepare(sql);
      if (statement.reader) return { rows: statement.all(bind(params)) as ExecResult['rows'], affectedRows: 0 };
      const info = statement.run(bind(params));
      return { rows: [], insertId: Number(info.lastInsertRowid), affectedRows: info.changes };
    },
    async close() {
      db.close();
    },
  };
}
