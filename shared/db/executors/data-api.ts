import {
  ExecuteStatementCommand,
  RDSDataClient,
  type Field,
  type SqlParameter,
} from '@aws-sdk/client-rds-data';
import { deadlineSignal } from '../../deadline.ts';
import { AppError, isAppError } from '../../errors.ts';
import { toSqlTimestamp, type ExecResult, type Row, type SqlExecutor, type SqlParams, type SqlValue } from '../executor.ts';
import { databaseUnavailable, isConnectFailure, withRetry, type RetryPolicy } from '../retry.ts';

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

/** Backoff between attempts; the longest delay is part of the deadline's arithmetic (test/stack). */
export const DATA_API_BACKOFF = { baseDelayMs: 250, maxDelayMs: 5_000 } as const;

/**
 * How long one statement is retried at most, when the request's deadline allows as much: a cluster
 * paused for more than a day takes up to ~30 s to resume, and the 5 s beyond cover the longest
 * backoff delay, so one attempt still lands after the resume (docs/deployment.md).
 */
export const DATA_API_RETRY_BUDGET_MS = 35_000;

/**
 * One attempt's limits: a connection within 3 s (retried when it fails, as a refusal is), and an
 * answer within the Data API's own 45 s statement limit and a margin. A request's deadline ends it sooner.
 */
export const DATA_API_TIMEOUTS = { connectionTimeout: 3_000, requestTimeout: 50_000 } as const;

/** Aurora through the RDS Data API: HTTPS calls, so the functions need no VPC and no connection pool. */
export function createDataApiExecutor(config: DataApiConfig): SqlExecutor {
  const client = new RDSDataClient({
    region: config.region,
    ...(config.endpoint && { endpoint: config.endpoint }),
    // Our retry loop owns the retries, within the deadline; the SDK's own (throttling included) would not see it.
    maxAttempts: 1,
    requestHandler: { ...DATA_API_TIMEOUTS, throwOnRequestTimeout: true },
  });
  const policy: RetryPolicy = {
    budgetMs: DATA_API_RETRY_BUDGET_MS,
    ...DATA_API_BACKOFF,
    isTransient: (error) => (error instanceof Error && TRANSIENT.has(error.name)) || isConnectFailure(error),
    // The SDK's answer to our abort signal, given at the attempt's deadline.
    isCutShort: (error) => (error as { name?: unknown } | undefined)?.name === 'AbortError',
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
      const output = await withRetry((deadline) => client.send(command, { abortSignal: deadlineSignal(deadline) }), policy).catch((error: unknown) => {
        if (isAppError(error)) throw error;
        const { name, $metadata } = (error ?? {}) as { name?: unknown; $metadata?: { httpStatusCode?: number } };
        if (name === 'StatementTimeoutException') throw new AppError('UPSTREAM_TIMEOUT', 'the database did not answer in time', {}, error);
        // No HTTP answer at all (a request timeout, a connection reset in flight): the statement may
        // have run, so it is not retried, but the client hears 503 rather than 500.
        if ($metadata?.httpStatusCode === undefined) throw databaseUnavailable('no answer from the Data API', policy, error);
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
