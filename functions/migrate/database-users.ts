/** The migrations and the database users, created from the secrets the stack generated for them (migrate and npm run migrate). */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { StoreConfig } from '../../shared/config.ts';
import { deadlineSignal, requestDeadline } from '../../shared/deadline.ts';
import { openExecutor } from '../../shared/db/open-store.ts';
import type { RecordStore } from '../../shared/db/record.ts';
import { log } from '../../shared/log.ts';
import { createDatabaseUsers, type DatabaseUser } from '../../shared/db/users.ts';

/** Applies the pending migrations to `store`, then creates or updates the users on the same database (`config`). */
export async function migrateDatabase(
  store: RecordStore,
  config: StoreConfig,
  secretArns: Record<string, string>,
  secretsEndpoint?: string,
): Promise<{ applied: number[]; users: string[] }> {
  const applied = await store.migrate();
  const users = await provisionDatabaseUsers(config, secretArns, secretsEndpoint);
  log('info', 'migrated', { applied, users });
  return { applied, users };
}

/** Creates or updates every user in `secretArns` on the store, signed in as the store's (master) user; returns the usernames. */
export async function provisionDatabaseUsers(store: StoreConfig, secretArns: Record<string, string>, secretsEndpoint?: string): Promise<string[]> {
  if (Object.keys(secretArns).length === 0) return [];
  const credentials = await readUserCredentials(secretArns, secretsEndpoint);
  const executor = await openExecutor(store);
  try {
    return await createDatabaseUsers(executor, credentials);
  } finally {
    await executor.close();
  }
}

/**
 * `secretArns` maps a user (a key of DATABASE_USERS) to a secret whose JSON holds `username` and
 * `password`, the shape the Data API also signs in with. `endpoint` points the client elsewhere
 * (tests). The reads end by the deadline when one is set (the custom resource's).
 */
export async function readUserCredentials(secretArns: Record<string, string>, endpoint?: string): Promise<DatabaseUser[]> {
  const client = new SecretsManagerClient({ ...(endpoint && { endpoint }), requestHandler: { connectionTimeout: 3_000, requestTimeout: 5_000 } });
  try {
    return await Promise.all(
      Object.entries(secretArns).map(async ([name, secretArn]) => {
        const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretArn }), { abortSignal: deadlineSignal(requestDeadline()) });
        const { username, password } = parsedSecret(SecretString);
        if (typeof username !== 'string' || typeof password !== 'string') {
          throw new Error(`the secret of database user "${name}" has no username and password`);
        }
        return { name, username, password };
      }),
    );
  } finally {
    client.destroy();
  }
}

/** The secret's JSON; when it is not JSON, nothing of it (JSON.parse's message quotes its input). */
function parsedSecret(text: string | undefined): { username?: unknown; password?: unknown } {
  try {
    return (JSON.parse(text ?? '{}') ?? {}) as { username?: unknown; password?: unknown };
  } catch {
    return {};
  }
}
