import { requestDeadline, type DeadlineSource } from '../deadline.ts';
import { AppError } from '../errors.ts';

export interface RetryPolicy {
  /** How long one statement may be retried at most, however far the deadline; the first attempt always runs. */
  budgetMs: number;
  /** The deadline (shared/deadline.ts), the request's by default: no retry starts that could not end before it. */
  deadline?: DeadlineSource;
  baseDelayMs: number;
  maxDelayMs: number;
  /** True for failures that guarantee the statement did not run, so a retry cannot store twice. */
  isTransient(error: unknown): boolean;
  /** True for an attempt the operation itself cut short at the deadline it was given. */
  isCutShort?(error: unknown): boolean;
  sleep?: (ms: number) => Promise<void>;
}

// Failures to connect: the statement never reached the database, so retrying cannot store twice.
const CONNECT_FAILURES = new Set(['ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ER_CON_COUNT_ERROR']);

export function isConnectFailure(error: unknown): boolean {
  const { code, cause, message, name } = (error ?? {}) as { code?: string; cause?: { code?: string }; message?: string; name?: string };
  // The SDK names both its timeouts so (the request's with code ETIMEDOUT); only the message tells
  // the connection's, before anything was sent, from the request's, after which the statement may have run.
  if (name === 'TimeoutError') return typeof message === 'string' && /did not establish a connection|^connect E/.test(message);
  if (CONNECT_FAILURES.has(code ?? cause?.code ?? '')) return true;
  // The AWS SDK may rewrap a socket error into one that keeps only the message.
  return typeof message === 'string' && /\b(ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN)\b/.test(message);
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** How long a client told the database is unavailable should wait: the policy's longest backoff. */
export const retryAfterSeconds = (policy: Pick<RetryPolicy, 'maxDelayMs'>): number => Math.max(1, Math.ceil(policy.maxDelayMs / 1000));

/** 503 DATABASE_UNAVAILABLE with Retry-After, the contract's answer when the database cannot be used in time. */
export function databaseUnavailable(why: string, policy: Pick<RetryPolicy, 'maxDelayMs'>, cause: unknown): AppError {
  const retryAfter = retryAfterSeconds(policy);
  return new AppError('DATABASE_UNAVAILABLE', `the database is unavailable (${why}); try again in ${retryAfter} s`, { 'Retry-After': String(retryAfter) }, cause);
}

/**
 * Capped exponential backoff with full jitter, for the budget and never past the request's deadline.
 * The operation gets that deadline, to abort its call then. A retry starts only if its wait plus as
 * long as the last attempt took still ends in time. On a transient failure that leaves no time, or
 * an attempt cut short, the caller gets 503 DATABASE_UNAVAILABLE with Retry-After; other errors pass
 * through at once.
 */
export async function withRetry<T>(operation: (deadline: number | undefined) => Promise<T>, policy: RetryPolicy): Promise<T> {
  const sleep = policy.sleep ?? defaultSleep;
  const deadline = (policy.deadline ?? requestDeadline)();
  const retryUntil = Math.min(Date.now() + policy.budgetMs, deadline ?? Infinity);
  for (let attempt = 0; ; attempt++) {
    const began = Date.now();
    try {
      return await operation(deadline);
    } catch (error) {
      const attempts = `${attempt + 1} attempt${attempt === 0 ? '' : 's'}`;
      if (policy.isCutShort?.(error)) throw databaseUnavailable(`gave up after ${attempts}, the last without an answer before the request's deadline`, policy, error);
      if (!policy.isTransient(error)) throw error;
      const delay = Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
      const now = Date.now();
      if (now + delay + (now - began) > retryUntil) throw databaseUnavailable(`gave up after ${attempts}`, policy, error);
      await sleep(delay);
    }
  }
}
