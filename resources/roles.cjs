// One IAM role per function, each allowed exactly what that function uses: its own log group, the
// Data API on this cluster, the cluster's secret, and for translate alone the Google key's secret.
const FUNCTIONS = ['Home', 'Spell', 'Space', 'Translate', 'Migrate'];

const CLUSTER_ARN = { 'Fn::GetAtt': ['DbCluster', 'DBClusterArn'] };
const DB_SECRET_ARN = { 'Fn::GetAtt': ['DbCluster', 'MasterUserSecret.SecretArn'] };

const GOOGLE_KEY_STATEMENT = {
  'Fn::If': [
    'HasGoogleKeySecret',
    { Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: '${param:googleKeySecretArn}' },
    { Ref: 'AWS::NoValue' },
  ],
};

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
            ...(name === 'Translate' ? [GOOGLE_KEY_STATEMENT] : []),
          ],
        },
      },
    ],
  },
});

module.exports = () => ({
  Conditions: {
    // Compared as text with a prefix, so an empty parameter is still a string.
    HasGoogleKeySecret: { 'Fn::Not': [{ 'Fn::Equals': ['secret-${param:googleKeySecretArn}', 'secret-'] }] },
  },
  Resources: Object.fromEntries(FUNCTIONS.map((name) => [`${name}Role`, role(name)])),
});
