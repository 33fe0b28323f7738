/** The database users, created from the secrets the stack generated for them (migrate and npm run migrate). */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { StoreConfig } from '../../shared/config.ts';
import { openExecutor } from '../../shared/db/open-store.ts';
import { createDatabaseUsers, type DatabaseUser } from '../../shared/db/users.ts';

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
 * `password`, the shape the Data API also signs in with. `endpoint` points the client elsewhere (tests).
 */
export async function readUserCredentials(secretArns: Record<string, string>, endpoint?: string): Promise<DatabaseUser[]> {
  const client = new SecretsManagerClient({ ...(endpoint && { endpoint }) });
  try {
    return await Promise.all(
      Object.entries(secretArns).map(async ([name, secretArn]) => {
        const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
        const { username, password } = JSON.parse(SecretString ?? '{}') as { username?: unknown; password?: unknown };
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
