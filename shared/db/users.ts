/**
 * The database users the deployed functions sign in as, each allowed only the statements its
 * function runs (sql.ts), as resources/functions.cjs grants them: home reads records; spell and
 * space insert them; translate inserts them and reads and upserts the translation cache. `migrate`
 * creates them as the master user.
 *
 * Not a migration: the passwords come from Secrets Manager at deploy time and follow the secrets,
 * so every run sets them again, and the grants are re-applied (GRANT is idempotent).
 */
import { FUNCTIONS, type TableGrant } from '../../resources/functions.cjs';
import type { SqlExecutor } from './executor.ts';

/** Each function's grants, by its name, for the functions with a user of their own. */
export const DATABASE_USERS: Readonly<Record<string, readonly TableGrant[]>> = Object.fromEntries(
  Object.entries(FUNCTIONS).flatMap(([name, { database }]) => ('grants' in database ? [[name, database.grants]] : [])),
);

export interface DatabaseUser {
  /** A key of DATABASE_USERS: which grants the user gets. */
  name: string;
  username: string;
  password: string;
}

// CREATE USER and GRANT take no bound parameters (neither MySQL nor the Data API binds an account
// or a password there), so the values are inlined, and only ones that need no escaping are accepted.
const USERNAME = /^[A-Za-z0-9_]{1,32}$/;
const PASSWORD = /^[!#-&(-[\]-_a-~]{16,}$/; // printable ASCII without ' " \ ` and space
const DATABASE = /^[A-Za-z0-9_$]{1,64}$/;

/** The statements that create or update one user, for the database `database`. */
export function databaseUserStatements(database: string, { name, username, password }: DatabaseUser): string[] {
  const grants = DATABASE_USERS[name];
  if (!grants) throw new Error(`no database user "${name}"; known: ${Object.keys(DATABASE_USERS).join(', ')}`);
  if (!USERNAME.test(username)) throw new Error(`database user "${name}": username must be 1-32 letters, digits or _`);
  if (!PASSWORD.test(password)) throw new Error(`database user "${name}": password must be 16+ printable ASCII characters without quotes, backslash or space`);
  if (!DATABASE.test(database)) throw new Error(`database name "${database}" is not a plain identifier`);
  const account = `'${username}'@'%'`;
  return [
    `CREATE USER IF NOT EXISTS ${account} IDENTIFIED BY '${password}'`,
    // An existing user takes the secret's current password.
    `ALTER USER ${account} IDENTIFIED BY '${password}'`,
    ...grants.map(({ table, privileges }) => `GRANT ${privileges.join(', ')} ON \`${database}\`.\`${table}\` TO ${account}`),
  ];
}

/** Creates or updates each user in the executor's current database; returns their usernames. */
export async function createDatabaseUsers(executor: SqlExecutor, users: readonly DatabaseUser[]): Promise<string[]> {
  if (executor.dialect !== 'mysql') throw new Error('database users exist only on MySQL (Aurora); the SQLite store has none');
  const { rows } = await executor.execute('SELECT DATABASE() AS name');
  const database = rows[0]?.name;
  if (typeof database !== 'string') throw new Error('no database selected: cannot grant on its tables');
  // Every statement is checked before the first runs, so a bad secret changes nothing.
  const statements = users.map((user) => databaseUserStatements(database, user));
  for (const [i, user] of users.entries()) {
    for (const statement of statements[i]!) {
      try {
        await executor.execute(statement);
      } catch (error) {
        throw statementFailed(user, statement, error);
      }
    }
  }
  return users.map((user) => user.username);
}

/**
 * A failed statement, for logs and CloudFormation's stack events: the database's message with the
 * password cut out (a syntax error quotes the statement), and not the original error, whose fields
 * may hold the whole statement (mysql2's `sql`).
 */
function statementFailed({ name, password }: DatabaseUser, statement: string, error: unknown): Error {
  const { name: errorName, message, code } = (error ?? {}) as { name?: unknown; message?: unknown; code?: unknown };
  const what = /^(CREATE USER|ALTER USER|GRANT)/.exec(statement)![1];
  const reason = String(message ?? error).split(password).join('[REDACTED]');
  const failure = new Error(`database user "${name}": ${what} failed: ${reason}`);
  if (typeof errorName === 'string') failure.name = errorName;
  return Object.assign(failure, code === undefined ? {} : { code });
}
