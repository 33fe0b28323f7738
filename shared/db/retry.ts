import { AppError } from '../errors.ts';

export interface RetryPolicy {
  /** Total time the retries may take; keep it below the function's timeout. */
  budgetMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** True for failures that guarantee the statement did not run, so a retry cannot store twice. */
  isTransient(error: unknown): boolean;
  sleep?: (ms: number) => Promise<void>;
}

// Failures to connect: the statement never reached the database, so retrying cannot store twice.
const CONNECT_FAILURES = new Set(['ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ER_CON_COUNT_ERROR']);

export function isConnectFailure(error: unknown): boolean {
  const { code, cause, message } = (error ?? {}) as { code?: string; cause?: { code?: string }; message?: string };
  if (CONNECT_FAILURES.has(code ?? cause?.code ?? '')) return true;
  // The AWS SDK may rewrap a socket error into one that keeps only the message.
  return typeof message === 'string' && /\b(ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN)\b/.test(message);
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Capped exponential backoff with full jitter. When the budget runs out on a transient failure
 * the caller gets 503 DATABASE_UNAVAILABLE with Retry-After; other errors pass through at once.
 */
export async function withRetry<T>(operation: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  const sleep = policy.sleep ?? defaultSleep;
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!policy.isTransient(error)) throw error;
      const delay = Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
      if (Date.now() - started + delay > policy.budgetMs) {
        const retryAfter = Math.max(1, Math.ceil(policy.maxDelayMs / 1000));
        throw new AppError(
          'DATABASE_UNAVAILABLE',
          `the database is unavailable (gave up after ${attempt + 1} attempts); try again in ${retryAfter} s`,
          { 'Retry-After': String(retryAfter) },
          error,
        );
      }
      await sleep(delay);
    }
  }
}
