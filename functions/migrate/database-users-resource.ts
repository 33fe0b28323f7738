/**
 * The stack's DatabaseUsers custom resource (resources/database-users.cjs): its properties name the
 * cluster, the database, the master secret and each function's user secret, and Create and Update
 * migrate that database and create or update those users. The routed functions depend on it, so
 * none switches to a user before the user exists. Revision is for CloudFormation only: a new one
 * is what makes it send an Update when the migrations, grants or secrets' generation change.
 */
import type { CloudFormationCustomResourceCreateEvent, CloudFormationCustomResourceUpdateEvent } from 'aws-lambda';
import { storeConfigFrom, userSecretArnsOf } from '../../shared/config.ts';
import { openStore } from '../../shared/db/open-store.ts';
import { migrateDatabase } from './database-users.ts';

export interface DatabaseUsersProperties {
  ClusterArn: string;
  MasterSecretArn: string;
  Database: string;
  /** Per user of shared/db/users.ts, the secret holding its username and password. */
  UserSecretArns: Record<string, string>;
}

/** The resource's properties, checked: each of them is required. */
export function databaseUsersPropertiesOf(properties: Record<string, unknown>): DatabaseUsersProperties {
  for (const name of ['ClusterArn', 'MasterSecretArn', 'Database'] as const) {
    if (typeof properties[name] !== 'string' || properties[name] === '') throw new Error(`the DatabaseUsers resource needs ${name}`);
  }
  return {
    ...(properties as Omit<DatabaseUsersProperties, 'UserSecretArns'>),
    UserSecretArns: userSecretArnsOf(properties.UserSecretArns, 'the DatabaseUsers resource\'s UserSecretArns'),
  };
}

/**
 * Create and Update: migrates the database the event names and creates or updates its users,
 * signed in with the master secret, all from the event rather than the function's environment, so
 * a rollback's Update (the old properties) provisions what the old template named. Resolves the
 * physical id: the database it provisioned.
 */
export async function provisionDatabaseUsersResource(
  { ResourceProperties }: CloudFormationCustomResourceCreateEvent | CloudFormationCustomResourceUpdateEvent,
  secretsEndpoint?: string,
): Promise<string> {
  const { ClusterArn, MasterSecretArn, Database, UserSecretArns } = databaseUsersPropertiesOf(ResourceProperties);
  const config = storeConfigFrom({ DATA_API_ENDPOINT: process.env.DATA_API_ENDPOINT, DB_CLUSTER_ARN: ClusterArn, DB_SECRET_ARN: MasterSecretArn, DB_NAME: Database });
  const store = await openStore(config);
  try {
    await migrateDatabase(store, config, UserSecretArns, secretsEndpoint);
  } finally {
    await store.close();
  }
  return `${ClusterArn}/${Database}`;
}
