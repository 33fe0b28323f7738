// Each routed function signs in to the database as its own user (shared/db/users.ts), whose
// password the stack generates into a secret of its own; migrate keeps the master secret and
// creates the users. This file gives serverless.yml each function's DB_SECRET_ARN.
const { ROUTED_FUNCTIONS } = require('./functions.cjs');
const { settings } = require('./stage.cjs');

// Every routed function has its own database user; the names are the keys of DATABASE_USERS in shared/db/users.ts.
const DATABASE_USERS = Object.keys(ROUTED_FUNCTIONS);
const MASTER_SECRET_ARN = { 'Fn::GetAtt': ['DbCluster', 'MasterUserSecret.SecretArn'] };
const secretOf = (name) => ({ Ref: `${name}DbSecret` });

/** The secret resources; the username is fixed, the password generated (letters and digits only, so it needs no quoting in SQL). */
const secretResources = () =>
  Object.fromEntries(
    DATABASE_USERS.map((name) => [
      `${name}DbSecret`,
      {
        Type: 'AWS::SecretsManager::Secret',
        Properties: {
          Description: `Database user of the ${name.toLowerCase()} function of \${self:service}-\${sls:stage}; created by the migrate function`,
          GenerateSecretString: {
            SecretStringTemplate: JSON.stringify({ username: `text_${name.toLowerCase()}` }),
            GenerateStringKey: 'password',
            PasswordLength: 32,
            ExcludePunctuation: true,
          },
        },
      },
    ]),
  );

// For serverless.yml's custom.databaseSecrets: per function, the secret it signs in with. Locally
// the shell's DB_SECRET_ARN stays (npm start against the Data API test server).
const databaseSecrets = async ({ resolveVariable }) => {
  const { deployed } = await settings(resolveVariable);
  const local = "${env:DB_SECRET_ARN, ''}";
  const entries = DATABASE_USERS.map((name) => [name.toLowerCase(), deployed ? secretOf(name) : local]);
  const users = {
    'Fn::Join': ['', ['{', ...DATABASE_USERS.flatMap((name, i) => [`${i ? ',' : ''}"${name.toLowerCase()}":"`, secretOf(name), '"']), '}']],
  };
  return {
    ...Object.fromEntries(entries),
    migrate: deployed ? MASTER_SECRET_ARN : local,
    // DB_USER_SECRET_ARNS of the migrate function: {"home":"arn:…",…}
    migrateUsers: deployed ? users : "${env:DB_USER_SECRET_ARNS, ''}",
  };
};

module.exports = Object.assign(databaseSecrets, { DATABASE_USERS, MASTER_SECRET_ARN, secretOf, secretResources });
