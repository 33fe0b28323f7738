// Internet-facing ALB: HTTPS with TLS 1.2+ on 443, HTTP on 80 redirected to it. Requests matching
// no listener rule get a JSON 404 from the load balancer itself; the rules come from the functions'
// alb events in serverless.yml. With the accessLogs parameter (prod), access logs go to an
// encrypted bucket that expires them.
const { isOn, settings } = require('./stage.cjs');

// Elastic Load Balancing's log-writing account in the regions that opened before August 2022
// (AWS's "Enable access logs for your Application Load Balancer"); newer regions take the
// log-delivery service principal instead.
const ELB_LOG_ACCOUNTS = {
  'us-east-1': '127311923021', 'us-east-2': '033677994240', 'us-west-1': '027434742980', 'us-west-2': '797873946194',
  'af-south-1': '098369216593', 'ap-east-1': '754344448648', 'ap-south-1': '718504428378', 'ap-northeast-1': '582318560864',
  'ap-northeast-2': '600734575887', 'ap-northeast-3': '383597477331', 'ap-southeast-1': '114774131450', 'ap-southeast-2': '783225319266',
  'ca-central-1': '985666609251', 'eu-central-1': '054676820928', 'eu-west-1': '156460612806', 'eu-west-2': '652711504416',
  'eu-west-3': '009996457667', 'eu-south-1': '635631232127', 'eu-north-1': '897822967062', 'me-south-1': '076674570225',
  'sa-east-1': '507241528517',
};

const logWriter = (region) =>
  ELB_LOG_ACCOUNTS[region]
    ? { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::${ELB_LOG_ACCOUNTS[region]}:root`]] } }
    : { Service: 'logdelivery.elasticloadbalancing.amazonaws.com' };

const BUCKET_ARN = { 'Fn::GetAtt': ['AccessLogBucket', 'Arn'] };
const objectsUnder = (...path) => ({ 'Fn::Join': ['', [BUCKET_ARN, ...path]] });

const accessLogResources = (region) => ({
  AccessLogBucket: {
    Type: 'AWS::S3::Bucket',
    // Kept when the stack goes: the logs are evidence.
    DeletionPolicy: 'Retain',
    UpdateReplacePolicy: 'Retain',
    Properties: {
      // ALB access logs can be written only with SSE-S3.
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      LifecycleConfiguration: {
        Rules: [
          {
            Id: 'expire-access-logs',
            Status: 'Enabled',
            ExpirationInDays: '${param:accessLogRetentionDays}',
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
          },
        ],
      },
    },
  },
  AccessLogBucketPolicy: {
    Type: 'AWS::S3::BucketPolicy',
    Properties: {
      Bucket: { Ref: 'AccessLogBucket' },
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'LoadBalancerWritesLogs',
            Effect: 'Allow',
            Principal: logWriter(region),
            Action: 's3:PutObject',
            Resource: objectsUnder('/AWSLogs/', { Ref: 'AWS::AccountId' }, '/*'),
          },
          {
            Sid: 'TlsOnly',
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Resource: [BUCKET_ARN, objectsUnder('/*')],
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
        ],
      },
    },
  },
});

module.exports = async ({ resolveVariable }) => {
  const { param, region } = await settings(resolveVariable);
  // Required and checked for a deployed stage (resources/parameters.cjs).
  const certificateArn = await param('certificateArn');
  const accessLogs = isOn(await param('accessLogs'));
  return {
    Resources: {
      LoadBalancerSecurityGroup: {
        Type: 'AWS::EC2::SecurityGroup',
        Properties: {
          GroupDescription: 'Public HTTP and HTTPS to the load balancer',
          VpcId: { Ref: 'Vpc' },
          SecurityGroupIngress: [
            { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' },
            { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIp: '0.0.0.0/0' },
          ],
        },
      },
      LoadBalancer: {
        Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
        // The load balancer checks that it may write to the bucket when logging is turned on.
        ...(accessLogs && { DependsOn: 'AccessLogBucketPolicy' }),
        Properties: {
          Type: 'application',
          Scheme: 'internet-facing',
          Subnets: [{ Ref: 'PublicSubnetA' }, { Ref: 'PublicSubnetB' }],
          SecurityGroups: [{ Ref: 'LoadBalancerSecurityGroup' }],
          LoadBalancerAttributes: [
            { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' },
            // Above every function's timeout (serverless.yml), so a slow request gets the function's own answer (503 at its deadline), not a cut connection.
            { Key: 'idle_timeout.timeout_seconds', Value: '60' },
            ...(accessLogs
              ? [
                  { Key: 'access_logs.s3.enabled', Value: 'true' },
                  { Key: 'access_logs.s3.bucket', Value: { Ref: 'AccessLogBucket' } },
                ]
              : []),
          ],
        },
      },
      HttpsListener: {
        Type: 'AWS::ElasticLoadBalancingV2::Listener',
        Properties: {
          LoadBalancerArn: { Ref: 'LoadBalancer' },
          Port: 443,
          Protocol: 'HTTPS',
          SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
          Certificates: [{ CertificateArn: certificateArn }],
          DefaultActions: [
            {
              Type: 'fixed-response',
              FixedResponseConfig: {
                StatusCode: '404',
                ContentType: 'application/json',
                MessageBody: '{"error":{"code":"NOT_FOUND","message":"no such route; see / for the service"}}',
              },
            },
          ],
        },
      },
      HttpListener: {
        Type: 'AWS::ElasticLoadBalancingV2::Listener',
        Properties: {
          LoadBalancerArn: { Ref: 'LoadBalancer' },
          Port: 80,
          Protocol: 'HTTP',
          DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }],
        },
      },
      ...(accessLogs ? accessLogResources(await region()) : {}),
    },
  };
};
