// Each function with a database user in resources/functions.cjs signs in as that user, whose grants
// shared/db/users.ts applies and whose password the stack generates into a secret of its own; the
// one on the master user (migrate) keeps the master secret and creates the users. This file gives
// serverless.yml each function's DB_SECRET_ARN, and the stack the secrets and the DatabaseUsers
// custom resource that every routed function waits for.
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { FUNCTIONS, resourceName } = require('./functions.cjs');
const { settings } = require('./stage.cjs');

// The functions with a user of their own, by serverless name (the keys of DATABASE_USERS in shared/db/users.ts).
const DATABASE_USERS = Object.keys(FUNCTIONS).filter((name) => FUNCTIONS[name].database.user);
const ON_MASTER = Object.keys(FUNCTIONS).filter((name) => FUNCTIONS[name].database.master);
const MASTER_SECRET_ARN = { 'Fn::GetAtt': ['DbCluster', 'MasterUserSecret.SecretArn'] };
const CLUSTER_ARN = { 'Fn::GetAtt': ['DbCluster', 'DBClusterArn'] };
const secretOf = (name) => ({ Ref: `${resourceName(name)}DbSecret` });

/** The secret resources; the username is fixed, the password generated (letters and digits only, so it needs no quoting in SQL). */
const secretResources = () =>
  Object.fromEntries(
    DATABASE_USERS.map((name) => [
      `${resourceName(name)}DbSecret`,
      {
        Type: 'AWS::SecretsManager::Secret',
        Properties: {
          Description: `Database user of the ${name} function of \${self:service}-\${sls:stage}; created by the migrate function`,
          GenerateSecretString: {
            SecretStringTemplate: JSON.stringify({ username: FUNCTIONS[name].database.user }),
            GenerateStringKey: 'password',
            PasswordLength: 32,
            ExcludePunctuation: true,
          },
        },
      },
    ]),
  );

// What, when it changes, needs the database migrated or the users updated though no property
// naming a resource changed: the migrations, the grants and the statements that apply them, and how
// the secrets are generated (a change there gives a secret a new password under the same ARN). Its
// hash is the custom resource's Revision, so a change makes CloudFormation send the resource an Update.
const SCHEMA_FILES = ['shared/db/sql.ts', 'shared/db/users.ts'];
const revision = () => {
  const hash = createHash('sha256');
  for (const file of SCHEMA_FILES) hash.update(readFileSync(join(__dirname, '..', file)));
  hash.update(JSON.stringify(DATABASE_USERS.map((name) => FUNCTIONS[name].database.grants)));
  hash.update(JSON.stringify(secretResources()));
  return hash.digest('hex');
};

// CloudFormation waits this long for the answer. The migrate function answers within its own
// timeout (functions/migrate/custom-resource.ts); this bounds the wait should it crash instead,
// with room for the two retries Lambda makes of a failed asynchronous invocation.
const SERVICE_TIMEOUT_S = 600;

/**
 * The migrate function as a custom resource: CloudFormation invokes it on Create and Update, after
 * the cluster's writer and the secrets exist, to migrate and create the users. Its properties are
 * all it provisions from (functions/migrate/database-users-resource.ts) and, as they change, what
 * makes it run again: a new user secret (a function added), a new Revision, another cluster.
 */
const databaseUsersResource = () => ({
  DatabaseUsers: {
    Type: 'Custom::DatabaseUsers',
    DependsOn: ['DbWriter'],
    Properties: {
      ServiceToken: { 'Fn::GetAtt': ['MigrateLambdaFunction', 'Arn'] },
      ServiceTimeout: SERVICE_TIMEOUT_S,
      ClusterArn: CLUSTER_ARN,
      MasterSecretArn: MASTER_SECRET_ARN,
      Database: '${param:dbName}',
      UserSecretArns: Object.fromEntries(DATABASE_USERS.map((name) => [name, secretOf(name)])),
      Revision: revision(),
    },
  },
});

// Each routed function is created or updated, its DB_SECRET_ARN switched to its user's secret,
// only once DatabaseUsers has answered SUCCESS; on FAILED the stack rolls back with the functions as they were.
const functionsAfterUsers = () => Object.fromEntries(DATABASE_USERS.map((name) => [`${resourceName(name)}LambdaFunction`, { DependsOn: ['DatabaseUsers'] }]));

// For serverless.yml's custom.databaseSecrets: per function, the secret it signs in with. Locally
// the shell's DB_SECRET_ARN stays (npm start against the Data API test server).
const databaseSecrets = async ({ resolveVariable }) => {
  const { deployed } = await settings(resolveVariable);
  const local = "${env:DB_SECRET_ARN, ''}";
  const entries = [
    ...DATABASE_USERS.map((name) => [name, deployed ? secretOf(name) : local]),
    ...ON_MASTER.map((name) => [name, deployed ? MASTER_SECRET_ARN : local]),
  ];
  const users = {
    'Fn::Join': ['', ['{', ...DATABASE_USERS.flatMap((name, i) => [`${i ? ',' : ''}"${name}":"`, secretOf(name), '"']), '}']],
  };
  return {
    ...Object.fromEntries(entries),
    // DB_USER_SECRET_ARNS of the migrate function, for a direct invocation: {"home":"arn:…",…}
    migrateUsers: deployed ? users : "${env:DB_USER_SECRET_ARNS, ''}",
  };
};

module.exports = Object.assign(databaseSecrets, {
  DATABASE_USERS,
  MASTER_SECRET_ARN,
  databaseUsersResource,
  functionsAfterUsers,
  secretOf,
  secretResources,
});
