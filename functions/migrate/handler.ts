/**
 * Applies the versioned migrations, then creates or updates the database users the other functions
 * sign in as (shared/db/users.ts), signed in as the master user. Not routed by the ALB. CloudFormation
 * invokes it for the stack's DatabaseUsers custom resource (database-users-resource.ts), before
 * any routed function is created or updated; invoked directly (`serverless invoke --function
 * migrate`) it does the same for the database and users its environment names, e.g. after a user
 * secret's password changed. Idempotent.
 */
import type { Context } from 'aws-lambda';
import { databaseUserSecretsFrom } from '../../shared/config.ts';
import { describeError, log } from '../../shared/log.ts';
import { config, getStore } from '../../shared/runtime.ts';
import { answerCustomResource, isCustomResourceEvent } from './custom-resource.ts';
import { provisionDatabaseUsersResource } from './database-users-resource.ts';
import { migrateDatabase } from './database-users.ts';

const userSecrets = databaseUserSecretsFrom(process.env);

export const handler = async (event?: unknown, context?: Context) => {
  if (isCustomResourceEvent(event)) {
    return answerCustomResource(event, context!, (request) => provisionDatabaseUsersResource(request, config.secretsManagerEndpoint));
  }
  try {
    return await migrateDatabase(await getStore(), config.store, userSecrets, config.secretsManagerEndpoint);
  } catch (error) {
    log('error', 'migration failed', describeError(error));
    throw error;
  }
};
