/**
 * Applies pending migrations to the store the environment names (DATABASE_URL, or the Data API
 * variables), then, when DB_USER_SECRET_ARNS is set, creates the functions' database users as the
 * migrate function does. `npm start` runs it with --local-only so that it never touches a cloud database.
 */
import { databaseUserSecretsFrom, loadConfig } from '../shared/config.ts';
import { openStore } from '../shared/db/open-store.ts';
import { provisionDatabaseUsers } from '../functions/migrate/database-users.ts';

const config = loadConfig();
const where = config.store.kind === 'sqlite' ? config.store.path : config.store.kind === 'mysql' ? new URL(config.store.url).host : config.store.clusterArn;

if (process.argv.includes('--local-only') && config.store.kind === 'data-api') {
  console.log(`migrate: skipped, ${where} is not a local store (run npm run migrate for it)`);
} else {
  const store = await openStore(config.store);
  try {
    const applied = await store.migrate();
    console.log(`migrate: ${config.store.kind} store at ${where}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`);
  } finally {
    await store.close();
  }
  const users = await provisionDatabaseUsers(config.store, databaseUserSecretsFrom(process.env), process.env.SECRETS_MANAGER_ENDPOINT || undefined);
  if (users.length) console.log(`migrate: database users ${users.join(', ')} created or updated`);
}
