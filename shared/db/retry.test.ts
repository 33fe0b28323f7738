import { describe, expect, it } from '@jest/globals';
import { isConnectFailure, withRetry, type RetryPolicy } from './retry.ts';

const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const policy = (overrides: Partial<RetryPolicy>): RetryPolicy => ({
  budgetMs: 60_000,
  baseDelayMs: 10,
  maxDelayMs: 20,
  isTransient: () => true,
  ...overrides,
});
// Timers may fire a few ms late.
const SLACK_MS = 20;

describe('withRetry under a deadline', () => {
  it('retries until no retry could end before the deadline, then answers 503 with Retry-After, never past it', async () => {
    const deadline = Date.now() + 200;
    const ends: number[] = [];
    const failing = async () => {
      await pause(30);
      ends.push(Date.now());
      throw throttled;
    };
    const error = await withRetry(failing, policy({ deadline: () => deadline })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DATABASE_UNAVAILABLE', status: 503, headers: { 'Retry-After': '1' } });
    expect((error as Error).message).toContain(`gave up after ${ends.length} attempts`);
    expect(ends.length).toBeGreaterThan(1);
    expect(Math.max(...ends)).toBeLessThanOrEqual(deadline + SLACK_MS);
  });

  it('hands every attempt the deadline to abort at, and turns an attempt cut short into 503', async () => {
    const deadline = Date.now() + 1_000;
    const given: Array<number | undefined> = [];
    const cutShort = Object.assign(new Error('Request aborted'), { name: 'AbortError' });
    await expect(
      withRetry(
        async (at) => {
          given.push(at);
          throw given.length < 2 ? throttled : cutShort;
        },
        policy({ deadline: () => deadline, isCutShort: (error) => error === cutShort }),
      ),
    ).rejects.toMatchObject({ code: 'DATABASE_UNAVAILABLE', message: expect.stringContaining("gave up after 2 attempts, the last without an answer before the request's deadline") });
    expect(given).toEqual([deadline, deadline]);
  });

  it('without a deadline, bounds the retries by the budget; the first attempt always runs', async () => {
    let attempts = 0;
    const failing = async () => {
      attempts++;
      throw throttled;
    };
    await expect(withRetry(failing, policy({ budgetMs: 0, deadline: () => undefined }))).rejects.toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
    expect(attempts).toBe(1);
  });

  it('passes other errors through at once', async () => {
    const broken = new Error('syntax error');
    await expect(withRetry(() => Promise.reject(broken), policy({ isTransient: () => false, deadline: () => Date.now() + 1_000 }))).rejects.toBe(broken);
  });
});

describe('isConnectFailure', () => {
  it("retries the SDK's connection timeout, not its request timeout, after which the statement may have run", () => {
    const timeout = (message: string, code?: string) => Object.assign(new Error(message), { name: 'TimeoutError', ...(code && { code }) });
    expect(isConnectFailure(timeout('@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 3000 ms.'))).toBe(true);
    expect(isConnectFailure(timeout('connect ETIMEDOUT 10.0.0.1:443', 'ETIMEDOUT'))).toBe(true);
    expect(isConnectFailure(timeout('@smithy/node-http-handler - [ERROR] a request has exceeded the configured 50000 ms requestTimeout.', 'ETIMEDOUT'))).toBe(false);
    expect(isConnectFailure(timeout('socket hang up', 'ECONNRESET'))).toBe(false);
    expect(isConnectFailure(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }))).toBe(true);
  });
});
