/** The Data API's operations by path: statements, batches and transactions, over the sessions. */
import { badRequest, mysqlErrorToAws } from './errors.ts';
import { isObject, requireString, toJson, type Json } from './json.ts';
import { toCell, toField, toJsonValue, type ResultOptions } from './columns.ts';
import { bindParameters, compileSql, type CompiledSql } from './parameters.ts';
import type { Sessions } from './sessions.ts';
import { generatedFields, runStatement } from './statements.ts';

// AWS limits: 64 KB per result row, 64 KiB of SQL (and, at the HTTP edge, 4 MiB a request and 1 MiB a response).
const MAX_ROW_BYTES = 64 * 1024;
const MAX_SQL_CHARS = 65_536;
const USE_STATEMENT = /^\s*use\b/i;

type Input = { [key: string]: Json };
export type Operation = (input: Input) => Promise<Record<string, unknown>>;

/** By request path: the operation's name (as `calls` counts it) and its handler. */
export function dataApiOperations(sessions: Sessions): Record<string, [name: string, Operation]> {
  return {
    '/Execute': ['ExecuteStatement', (input) => executeStatement(sessions, input)],
    '/BatchExecute': ['BatchExecuteStatement', (input) => batchExecuteStatement(sessions, input)],
    '/BeginTransaction': ['BeginTransaction', (input) => sessions.beginTransaction(input)],
    '/CommitTransaction': ['CommitTransaction', (input) => sessions.endTransaction(input, 'commit')],
    '/RollbackTransaction': ['RollbackTransaction', (input) => sessions.endTransaction(input, 'rollback')],
  };
}

function compiledSql(input: Input): CompiledSql {
  const sql = requireString(input, 'sql');
  if (sql.length > MAX_SQL_CHARS) throw badRequest(`The SQL statement is longer than ${MAX_SQL_CHARS} characters`);
  return compileSql(sql);
}

async function executeStatement(sessions: Sessions, input: Input): Promise<Record<string, unknown>> {
  const compiled = compiledSql(input);
  const values = bindParameters(compiled, input.parameters);
  const format = input.formatRecordsAs ?? 'NONE';
  if (format !== 'NONE' && format !== 'JSON') throw badRequest(`formatRecordsAs must be NONE or JSON`);
  const resultSetOptions = isObject(input.resultSetOptions) ? input.resultSetOptions : {};
  const resultOptions: ResultOptions = {
    longAsString: resultSetOptions.longReturnType === 'STRING',
    decimalAsNumber: resultSetOptions.decimalReturnType === 'DOUBLE_OR_LONG',
  };
  const result = await sessions.onConnection(input, async (conn) => {
    try {
      return await runStatement(conn, compiled, values);
    } catch (error) {
      throw mysqlErrorToAws(error);
    } finally {
      if (USE_STATEMENT.test(compiled.text)) sessions.forgetSchema(conn);
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

async function batchExecuteStatement(sessions: Sessions, input: Input): Promise<Record<string, unknown>> {
  const compiled = compiledSql(input);
  const sets = input.parameterSets ?? [];
  if (!Array.isArray(sets)) throw badRequest('parameterSets must be a list of parameter lists');
  const bound = sets.length === 0 ? [bindParameters(compiled, [])] : sets.map((set) => bindParameters(compiled, set));
  const updateResults = await sessions.onConnection(input, async (conn, inTx) => {
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
