/** Statement execution on a MySQL connection, answered as the Data API's results. */
import type { FieldPacket, PoolConnection, ResultSetHeader } from 'mysql2/promise';
import { describeColumn, exactInteger, type Column } from './columns.ts';
import type { CompiledSql } from './parameters.ts';

export interface StatementResult {
  columns?: Column[];
  rows?: unknown[][];
  header?: ResultSetHeader;
}

export async function runStatement(conn: PoolConnection, compiled: CompiledSql, values: unknown[]): Promise<StatementResult> {
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

export function generatedFields(header: ResultSetHeader | undefined): Record<string, unknown>[] {
  const id = header?.insertId as number | string | undefined;
  if (id === undefined || id === null || String(id) === '0') return [];
  return [{ longValue: exactInteger(id) }];
}
