// One IAM role per function, each allowed exactly what that function uses: its own log group, the
// Data API on this cluster, and its own database secret (resources/database-users.cjs); migrate
// reads the master secret and the users' secrets it creates the users from; translate alone reads
// the Google key's secret, when one is configured.
const { DATABASE_USERS, MASTER_SECRET_ARN, secretOf } = require('./database-users.cjs');
const { FUNCTIONS } = require('./functions.cjs');
const { settings } = require('./stage.cjs');

const CLUSTER_ARN = { 'Fn::GetAtt': ['DbCluster', 'DBClusterArn'] };

const readSecrets = (Resource) => ({ Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource });

const secretsOf = (name) => (name === 'Migrate' ? [MASTER_SECRET_ARN, ...DATABASE_USERS.map(secretOf)] : [secretOf(name)]);

const role = (name, googleKeySecretArn) => ({
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
              Resource: { 'Fn::GetAtt': [`${name}LogGroup`, 'Arn'] },
            },
            { Effect: 'Allow', Action: ['rds-data:ExecuteStatement'], Resource: CLUSTER_ARN },
            readSecrets(secretsOf(name)),
            ...(name === 'Translate' && googleKeySecretArn ? [readSecrets(googleKeySecretArn)] : []),
          ],
        },
      },
    ],
  },
});

module.exports = async ({ resolveVariable }) => {
  const googleKeySecretArn = await (await settings(resolveVariable)).param('googleKeySecretArn');
  return { Resources: Object.fromEntries(FUNCTIONS.map((name) => [`${name}Role`, role(name, googleKeySecretArn)])) };
};
