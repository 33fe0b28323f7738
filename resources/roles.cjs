// One IAM role per function, each allowed exactly what that function uses: its own log group, the
// Data API on this cluster, and its own database secret (resources/database-users.cjs); migrate
// reads the master secret and the users' secrets it creates the users from; and a function reads the
// secrets its `secrets` parameters name (resources/functions.cjs: translate's Google key), when set.
const { DATABASE_USERS, MASTER_SECRET_ARN, secretOf } = require('./database-users.cjs');
const { FUNCTIONS, resourceName } = require('./functions.cjs');
const { settings } = require('./stage.cjs');

const CLUSTER_ARN = { 'Fn::GetAtt': ['DbCluster', 'DBClusterArn'] };

const readSecrets = (Resource) => ({ Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource });

const databaseSecretsOf = (name) => (FUNCTIONS[name].database.master ? [MASTER_SECRET_ARN, ...DATABASE_USERS.map(secretOf)] : [secretOf(name)]);

const role = (name, otherSecrets) => ({
  Type: 'AWS::IAM::Role',
  Properties: {
    AssumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    },
    Policies: [
      {
        PolicyName: 'least-privilege',
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
              Resource: { 'Fn::GetAtt': [`${resourceName(name)}LogGroup`, 'Arn'] },
            },
            { Effect: 'Allow', Action: ['rds-data:ExecuteStatement'], Resource: CLUSTER_ARN },
            readSecrets(databaseSecretsOf(name)),
            ...otherSecrets.map(readSecrets),
          ],
        },
      },
    ],
  },
});

module.exports = async ({ resolveVariable }) => {
  const { param } = await settings(resolveVariable);
  const roles = Object.entries(FUNCTIONS).map(async ([name, { secrets = [] }]) => {
    // A parameter left empty names no secret.
    const arns = (await Promise.all(secrets.map(param))).filter(Boolean);
    return [`${resourceName(name)}Role`, role(name, arns)];
  });
  return { Resources: Object.fromEntries(await Promise.all(roles)) };
};
