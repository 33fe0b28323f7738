/** Reads an API key kept in AWS Secrets Manager, once per container. */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { deadlineSignal, requestDeadline, type DeadlineSource } from '../deadline.ts';
import { AppError } from '../errors.ts';
import { outOfTime } from './translator.ts';

export interface SecretKeyOptions {
  secretArn: string;
  /** Another endpoint for the SDK, e.g. the tests' loopback stand-in. */
  endpoint?: string;
  /** What the key is for, in messages: "the Google Translate API key". */
  purpose: string;
  /** The request's deadline (shared/deadline.ts), which ends the read sooner when it comes first. */
  deadline?: DeadlineSource;
}

/**
 * Returns a function that resolves the secret's text (a plain-text secret holding only the key;
 * surrounding whitespace is dropped). The first call fetches it and later calls share that result;
 * a failed fetch is forgotten, so the next request tries again.
 */
export function secretApiKey({ secretArn, endpoint, purpose, deadline = requestDeadline }: SecretKeyOptions): () => Promise<string> {
  let key: Promise<string> | undefined;
  const fetchKey = async (): Promise<string> => {
    const client = new SecretsManagerClient({
      ...(endpoint && { endpoint }),
      // Bounded, so a stuck call ends well within the function's timeout: one attempt of at most
      // 3 + 5 s, as the stack test's budget counts it (the next request tries again).
      maxAttempts: 1,
      requestHandler: { connectionTimeout: 3_000, requestTimeout: 5_000, throwOnRequestTimeout: true },
    });
    try {
      const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretArn }), { abortSignal: deadlineSignal(deadline()) });
      const value = SecretString?.trim();
      if (!value) throw new Error('the secret has no SecretString');
      return value;
    } catch (error) {
      if ((error as { name?: unknown } | undefined)?.name === 'AbortError') throw outOfTime(`AWS Secrets Manager (reading ${purpose})`, error);
      throw new AppError('TRANSLATION_UNAVAILABLE', `Could not read ${purpose} from AWS Secrets Manager; try again later`, {}, error);
    } finally {
      client.destroy();
    }
  };
  return () => {
    key ??= fetchKey().catch((error: unknown) => {
      key = undefined;
      throw error;
    });
    return key;
  };
}
