// The stack's functions, each declared once, by its serverless name (CloudFormation's `Home…` for
// `home`): its listener rules, memory and timeout where they differ from the provider's (1024 MB,
// 40 s: serverless.yml), its database user and that user's grants, the stage parameters naming
// anything else its role may read, and its environment. serverless.yml takes its `functions:` from
// `serverless` below; the roles, alarms, reserved concurrency and database users are built from
// FUNCTIONS (resources/*.cjs, shared/db/users.ts); test/stack checks the operations
// (shared/model.ts) and docs/openapi.yaml's paths against it. Every function's code is
// functions/<name>/handler.ts, and it signs in with the secret resources/database-users.cjs gives it.
const FUNCTIONS = {
  home: {
    rules: [
      // The records, the OpenAPI document (docs/openapi.yaml, converted to JSON when bundled), and
      // /health for clients: the target groups' own checks reach every function without a rule.
      { priority: 40, paths: ['/', '/openapi.json', '/health'] },
      // robots.txt and the pages' icon (shared/http/site-files.ts): a condition takes three paths at most.
      { priority: 41, paths: ['/robots.txt', '/favicon.svg'] },
    ],
    memorySize: 512,
    database: { user: 'text_home', grants: [{ table: 'records', privileges: ['SELECT'] }] },
  },
  spell: {
    rules: [{ priority: 10, paths: ['/api/spell'] }],
    database: { user: 'text_spell', grants: [{ table: 'records', privileges: ['INSERT'] }] },
  },
  space: {
    rules: [{ priority: 20, paths: ['/api/space'] }],
    database: { user: 'text_space', grants: [{ table: 'records', privileges: ['INSERT'] }] },
  },
  translate: {
    rules: [{ priority: 30, paths: ['/api/translate'] }],
    memorySize: 512,
    // Served in full even when the cluster resumes: 35 s of Data API retries, the Google key read
    // once (8 s), one engine call of at most TRANSLATE_TIMEOUT_MS (10 s; the Google client does not
    // retry) and the remaining statements (2 s) fit in the 55 s deadline; 1 s of headroom after it.
    timeout: 56,
    database: {
      user: 'text_translate',
      // The cache write is INSERT … ON DUPLICATE KEY UPDATE, which needs both privileges.
      grants: [
        { table: 'records', privileges: ['INSERT'] },
        { table: 'translation_cache', privileges: ['SELECT', 'INSERT', 'UPDATE'] },
      ],
    },
    // The Google key's secret, when the stage names one.
    secrets: ['googleKeySecretArn'],
    // Reserved concurrency, a cap on Google spending; none when the parameter is empty (resources/concurrency.cjs).
    concurrency: 'translateConcurrency',
    environment: {
      TRANSLATE_PROVIDER: "${env:TRANSLATE_PROVIDER, ''}",
      // The key stays in Secrets Manager and is read once per container, never in plain text here;
      // local runs take GOOGLE_TRANSLATE_API_KEY from the shell instead.
      GOOGLE_TRANSLATE_SECRET_ARN: '${param:googleKeySecretArn}',
      APERTIUM_URL: '${param:apertiumUrl}',
    },
  },
  migrate: {
    // CloudFormation invokes it for the DatabaseUsers custom resource, before any routed function is
    // created or updated (resources/database-users.cjs); invoke it yourself after changing a user
    // secret's password. 120 s: a cluster resume's retries and the statements, and 10 s kept for the
    // answer to CloudFormation. Lambda's own retries of a failed invocation stay on: one that died
    // without answering is run again. Never routed.
    description: 'Applies schema migrations and creates the functions\' database users for CloudFormation (the DatabaseUsers custom resource); never routed.',
    memorySize: 256,
    timeout: 120,
    // The master user, which creates the others from their secrets.
    database: { master: true },
    environment: { DB_USER_SECRET_ARNS: '${self:custom.databaseSecrets.migrateUsers}' },
  },
};

/** CloudFormation's prefix of a function's resources: `home` → HomeLambdaFunction, HomeRole, HomeLogGroup. */
const resourceName = (name) => name[0].toUpperCase() + name.slice(1);

/** serverless.yml's `functions:`. */
const serverless = () =>
  Object.fromEntries(
    Object.entries(FUNCTIONS).map(([name, { description, rules, memorySize, timeout, environment }]) => [
      name,
      {
        handler: `functions/${name}/handler.handler`,
        ...(description && { description }),
        ...(memorySize && { memorySize }),
        ...(timeout && { timeout }),
        role: `${resourceName(name)}Role`,
        environment: { DB_SECRET_ARN: `\${self:custom.databaseSecrets.${name}}`, ...environment },
        ...(rules && {
          events: rules.map(({ priority, paths }) => ({
            alb: { listenerArn: { Ref: 'HttpsListener' }, priority, conditions: { path: paths }, healthCheck: '${self:custom.healthCheck}' },
          })),
        }),
      },
    ]),
  );

module.exports = { FUNCTIONS, resourceName, serverless };
