/** AWS-shaped errors: the SDK picks the exception class from x-amzn-errortype (text before ':'), and the message from the JSON body. */

export type InjectableError =
  | 'DatabaseResumingException'
  | 'ThrottlingException'
  | 'ServiceUnavailableError'
  | 'InternalServerErrorException';

export class AwsError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new AwsError('BadRequestException', 400, message);

export const INJECTED: Record<InjectableError, { status: number; message: string }> = {
  // The SDK models DatabaseResumingException as a client fault with HTTP 400.
  DatabaseResumingException: {
    status: 400,
    message: 'The database is resuming after being auto-paused. Please wait a few seconds and try again.',
  },
  ThrottlingException: { status: 400, message: 'Rate exceeded' },
  ServiceUnavailableError: { status: 503, message: 'The service is temporarily unavailable.' },
  InternalServerErrorException: { status: 500, message: 'An internal error occurred.' },
};

export function mysqlErrorToAws(error: unknown): AwsError {
  if (error instanceof AwsError) return error;
  const e = error as { sqlMessage?: string; message?: string; code?: string; fatal?: boolean };
  if (typeof e?.sqlMessage === 'string') return badRequest(e.sqlMessage);
  const message = e?.message ?? String(error);
  if (e?.fatal || (typeof e?.code === 'string' && /^E[A-Z]+$/.test(e.code))) {
    return new AwsError('DatabaseUnavailableException', 504, `Communications link failure: ${message}`);
  }
  return new AwsError('InternalServerErrorException', 500, message);
}
