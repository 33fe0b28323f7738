import {
  ExecuteStatementCommand,
  RDSDataClient,
  type Field,
  type SqlParameter,
} from '@aws-sdk/client-rds-data';
import { DEFAULT_DB_RETRY_BUDGET_MS } from '../../config.ts';
import { AppError } from '../../errors.ts';
import { toSqlTimestamp, type ExecResult, type Row, type SqlExecutor, type SqlParams, type SqlValue } from '../executor.ts';
import { isConnectFailure, withRetry, type RetryPolicy } from '../retry.ts';

export interface DataApiConfig {
  clusterArn: string;
  secretArn: string;
  database: string;
  /** Another endpoint for the SDK, e.g. the loopback Data API test server. */
  endpoint?: string;
  region?: string;
  retry?: Partial<RetryPolicy>;
}

// Errors after which the statement has certainly not run: Aurora waking from zero capacity
// (the SDK does not retry it), throttling, and no connection to the endpoint at all.
const TRANSIENT = new Set(['DatabaseResumingException', 'ThrottlingException', 'ServiceUnavailableError', 'TooManyRequestsException']);

const toParameter = (name: string, value: SqlValue): SqlParameter => {
  if (value === null) return { name, value: { isNull: true } };
  if (value instanceof Date) return { name, value: { stringValue: toSqlTimestamp(value) }, typeHint: 'TIMESTAMP' };
  if (typeof value === 'number') {
    return Number.isInteger(value) ? { name, value: { longValue: value } } : { name, value: { doubleValue: value } };
  }
  return { name, value: { stringValue: value } };
};

const fromField = (field: Field): string | number | null => {
  if (field.isNull) return null;
  if (field.stringValue !== undefined) return field.stringValue;
  if (field.longValue !== undefined) return field.longValue;
  if (field.doubleValue !== undefined) return field.doubleValue;
  if (field.booleanValue !== undefined) return field.booleanValue ? 1 : 0;
  throw new Error('unsupported Data API field type');
};

/** Backoff between attempts; the longest delay is part of the retry budget's arithmetic (config.ts). */
export const DATA_API_BACKOFF = { baseDelayMs: 250, maxDelayMs: 5_000 } as const;

/** Aurora through the RDS Data API: HTTPS calls, so the functions need no VPC and no connection pool. */
export function createDataApiExecutor(config: DataApiConfig): SqlExecutor {
  const client = new RDSDataClient({
    region: config.region,
    ...(config.endpoint && { endpoint: config.endpoint }),
  });
  const policy: RetryPolicy = {
    budgetMs: DEFAULT_DB_RETRY_BUDGET_MS,
    ...DATA_API_BACKOFF,
    isTransient: (error) => (error instanceof Error && TRANSIENT.has(error.name)) || isConnectFailure(error),
    ...config.retry,
  };
  return {
    dialect: 'mysql',
    async execute(sql: string, params: SqlParams = {}): Promise<ExecResult> {
      const command = new ExecuteStatementCommand({
        resourceArn: config.clusterArn,
        secretArn: config.secretArn,
        database: config.database,
        sql,
        parameters: Object.entries(params).map(([name, value]) => toParameter(name, value)),
        includeResultMetadata: true,
      });
      const output = await withRetry(() => client.send(command), policy).catch((error: unknown) => {
        if (error instanceof Error && error.name === 'StatementTimeoutException') {
          throw new AppError('UPSTREAM_TIMEOUT', 'the database did not answer in time', {}, error);
        }
        throw error;
      });
      const names = (output.columnMetadata ?? []).map((column) => column.label || column.name || '');
      const rows = (output.records ?? []).map(
        (fields) => Object.fromEntries(fields.map((field, i) => [names[i], fromField(field)])) as Row,
      );
      return {
        rows,
        insertId: output.generatedFields?.[0]?.longValue,
        affectedRows: output.numberOfRecordsUpdated ?? 0,
      };
    },
    async close() {
      client.destroy();
    },
  };
}
