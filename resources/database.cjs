// Aurora Serverless v2 (MySQL 8.0 compatible) with the Data API, the functions' database user
// secrets and the custom resource that creates the users before the functions use them. Engine
// 3.10, a long-term-support release (AWS's Aurora MySQL release notes: 3.10.0 is designated LTS, as
// 3.04 was); the Data API on Serverless v2 needs 3.07 or later and a minimum of
// 0 ACUs (auto-pause) 3.08.0 or later, so 3.04 supports neither and 3.10 is the LTS line that has both.
const { databaseUsersResource, functionsAfterUsers, secretResources } = require('./database-users.cjs');
const { dbLogTypes } = require('./parameters.cjs');
const { settings } = require('./stage.cjs');

const ENGINE_VERSION = '8.0.mysql_aurora.3.10.3';

module.exports = async ({ resolveVariable }) => {
  const { param } = await settings(resolveVariable);
  const canPause = Number(await param('minCapacity')) === 0;
  // To CloudWatch Logs, /aws/rds/cluster/<cluster>/<type> (docs/deployment.md: their retention).
  const logExports = dbLogTypes(await param('dbLogExports'));
  return {
    Resources: {
      DbSubnetGroup: {
        Type: 'AWS::RDS::DBSubnetGroup',
        Properties: {
          DBSubnetGroupDescription: 'Private subnets for ${self:service}-${sls:stage}',
          SubnetIds: [{ Ref: 'PrivateSubnetA' }, { Ref: 'PrivateSubnetB' }],
        },
      },
      // No ingress: the functions reach the cluster through the Data API, not the network.
      DbSecurityGroup: {
        Type: 'AWS::EC2::SecurityGroup',
        Properties: { GroupDescription: 'Aurora cluster, no inbound network access', VpcId: { Ref: 'Vpc' } },
      },
      DbCluster: {
        Type: 'AWS::RDS::DBCluster',
        DeletionPolicy: 'Snapshot',
        UpdateReplacePolicy: 'Snapshot',
        Properties: {
          Engine: 'aurora-mysql',
          EngineVersion: ENGINE_VERSION,
          DatabaseName: '${param:dbName}',
          MasterUsername: 'service_admin',
          // RDS creates and rotates the password in Secrets Manager; only migrate signs in with it.
          ManageMasterUserPassword: true,
          EnableHttpEndpoint: true,
          StorageEncrypted: true,
          BackupRetentionPeriod: 7,
          PreferredBackupWindow: '03:00-04:00',
          CopyTagsToSnapshot: true,
          DeletionProtection: '${param:deletionProtection}',
          DBSubnetGroupName: { Ref: 'DbSubnetGroup' },
          VpcSecurityGroupIds: [{ Ref: 'DbSecurityGroup' }],
          ...(logExports.length && { EnableCloudwatchLogsExports: logExports }),
          ServerlessV2ScalingConfiguration: {
            MinCapacity: '${param:minCapacity}',
            MaxCapacity: '${param:maxCapacity}',
            ...(canPause && { SecondsUntilAutoPause: 900 }),
          },
        },
      },
      DbWriter: {
        Type: 'AWS::RDS::DBInstance',
        Properties: {
          DBClusterIdentifier: { Ref: 'DbCluster' },
          DBInstanceClass: 'db.serverless',
          Engine: 'aurora-mysql',
          PubliclyAccessible: false,
          // AWS's advice for LTS releases: an automatic minor upgrade would leave the LTS line.
          AutoMinorVersionUpgrade: false,
        },
      },
      ...secretResources(),
      ...databaseUsersResource(),
    },
    extensions: functionsAfterUsers(),
  };
};
