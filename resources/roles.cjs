// One IAM role per function, each allowed exactly what that function uses: its own log group, the
// Data API on this cluster, and the cluster's secret (plus, for translate, nothing more yet).
const FUNCTIONS = ['Home', 'Spell', 'Space', 'Translate', 'Migrate'];

const CLUSTER_ARN = { 'Fn::GetAtt': ['DbCluster', 'DBClusterArn'] };
const DB_SECRET_ARN = { 'Fn::GetAtt': ['DbCluster', 'MasterUserSecret.SecretArn'] };

const role = (name) => ({
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
            { Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: DB_SECRET_ARN },
          ],
        },
      },
    ],
  },
});

module.exports = () => ({
  Resources: Object.fromEntries(FUNCTIONS.map((name) => [`${name}Role`, role(name)])),
});
