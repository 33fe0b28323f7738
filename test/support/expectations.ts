/** Assertions every response must pass, whatever its status, for handler results and fetch responses alike. */
import { expect } from '@jest/globals';
import type { ALBResult } from 'aws-lambda';
import { AppError } from '../../shared/errors.ts';
import { responseHeader } from './alb.ts';

type HeaderLookup = (name: string) => string | null | undefined;

/** CSP without inline script, nosniff, a referrer policy and no framing. */
export function expectSecurityHeaders(header: HeaderLookup): void {
  const csp = header('content-security-policy') ?? '';
  const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name = '', ...values]) => [name, values]));
  // script-src falls back to default-src; neither may allow inline or evaluated script.
  const scriptSources = directives.get('script-src') ?? directives.get('default-src');
  expect(scriptSources).toBeDefined();
  for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*', 'data:']) expect(scriptSources).not.toContain(unsafe);
  expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  expect(header('x-content-type-options')).toBe('nosniff');
  expect(header('referrer-policy')).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
}

/** Nothing a client should see: stack frames, source paths, driver or SQL messages. */
export function expectNoInternals(body: string): void {
  expect(body).not.toMatch(/\n\s+at |\bat [\w.<>]+ \(|\.(ts|js|mjs):\d+|node_modules|\/var\/task|\/work\/|file:\/\//);
  expect(body).not.toMatch(/\b(SELECT|INSERT INTO|SQLITE_|ER_[A-Z_]+|TypeError|ReferenceError|SyntaxError)\b/);
}

/** The AppError a promise rejects with; fails the test if it resolves or rejects with anything else. */
export async function appErrorFrom(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

/** The error body the contract gives: code, message, and the request id the response's X-Request-Id header carries. */
export function expectedErrorBody(result: ALBResult, code: unknown, message: unknown = expect.any(String)) {
  return { error: { code, message, requestId: responseHeader(result, 'x-request-id') ?? 'the X-Request-Id header is missing' } };
}
