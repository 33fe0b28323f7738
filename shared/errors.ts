/**
 * Typed errors of the HTTP contract (`ErrorCode` in docs/openapi.yaml). Domain and infrastructure
 * code throw these; the HTTP edge maps them to responses in one place. Anything else becomes a 500
 * INTERNAL.
 */
export type ErrorCode =
  | 'INVALID_JSON'
  | 'VALIDATION_FAILED'
  | 'CROSS_SITE'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'TEXT_TOO_LONG'
  | 'BODY_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'UNSUPPORTED_LANGUAGE'
  | 'UPSTREAM_FAILED'
  | 'TRANSLATION_UNAVAILABLE'
  | 'DATABASE_UNAVAILABLE'
  | 'UPSTREAM_TIMEOUT'
  | 'INTERNAL';

const STATUS: Record<ErrorCode, number> = {
  INVALID_JSON: 400,
  VALIDATION_FAILED: 400,
  CROSS_SITE: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  TEXT_TOO_LONG: 413,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNSUPPORTED_LANGUAGE: 422,
  UPSTREAM_FAILED: 502,
  TRANSLATION_UNAVAILABLE: 503,
  DATABASE_UNAVAILABLE: 503,
  UPSTREAM_TIMEOUT: 504,
  INTERNAL: 500,
};

export class AppError extends Error {
  readonly status: number;

  /**
   * @param message shown to the client: say what is wrong and how to fix it, never internals.
   * @param headers extra response headers (Allow, Retry-After).
   * @param cause logged, never shown.
   */
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'AppError';
    this.status = STATUS[code];
  }

  toJSON() {
    return { error: { code: this.code, message: this.message } };
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
