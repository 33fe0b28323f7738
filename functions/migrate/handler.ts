/**
 * Applies the versioned migrations, then creates or updates the database users the other functions
 * sign in as (shared/db/users.ts), signed in as the master user. Not routed by the ALB: `npm run
 * deploy` invokes it after each deploy, so requests never migrate. Idempotent.
 */
import { databaseUserSecretsFrom } from '../../shared/config.ts';
import { describeError, log } from '../../shared/log.ts';
import { config, getStore } from '../../shared/runtime.ts';
import { provisionDatabaseUsers } from './database-users.ts';

const userSecrets = databaseUserSecretsFrom(process.env);

export const handler = async (): Promise<{ applied: number[]; users: string[] }> => {
  try {
    const applied = await (await getStore()).migrate();
    const users = await provisionDatabaseUsers(config.store, userSecrets, config.secretsManagerEndpoint);
    log('info', 'migrated', { applied, users });
    return { applied, users };
  } catch (error) {
    log('error', 'migration failed', describeError(error));
    throw error;
  }
};
