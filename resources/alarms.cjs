// CloudWatch alarms, all notifying one SNS topic whose e-mail subscriber is the `alarmEmail` stage
// parameter: errors and throttles per function, the load balancer's 5XX answers and slow targets,
// an Aurora cluster running at its capacity ceiling, and the WAF blocking translations at their caps.
const { TRANSLATE_RATE_RULES, WEB_ACL_NAME } = require('./firewall.cjs');
const { FUNCTIONS, resourceName } = require('./functions.cjs');
const { settings } = require('./stage.cjs');
const TOPIC = [{ Ref: 'AlarmTopic' }];
const LOAD_BALANCER = { LoadBalancer: { 'Fn::GetAtt': ['LoadBalancer', 'LoadBalancerFullName'] } };

const alarm = ({ description, namespace, metric, dimensions, threshold, statistic = 'Sum', periods = 1, extended }) => ({
  Type: 'AWS::CloudWatch::Alarm',
  Properties: {
    AlarmDescription: description,
    Namespace: namespace,
    MetricName: metric,
    Dimensions: Object.entries(dimensions).map(([Name, Value]) => ({ Name, Value })),
    ...(extended ? { ExtendedStatistic: extended } : { Statistic: statistic }),
    Period: 300,
    EvaluationPeriods: periods,
    Threshold: threshold,
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    TreatMissingData: 'notBreaching',
    AlarmActions: TOPIC,
    OKActions: TOPIC,
  },
});

const perFunction = Object.keys(FUNCTIONS).map(resourceName).flatMap((name) => {
  const dimensions = { FunctionName: { Ref: `${name}LambdaFunction` } };
  return [
    [`${name}ErrorsAlarm`, alarm({ description: `${name} function errors`, namespace: 'AWS/Lambda', metric: 'Errors', dimensions, threshold: 1 })],
    [`${name}ThrottlesAlarm`, alarm({ description: `${name} function throttled`, namespace: 'AWS/Lambda', metric: 'Throttles', dimensions, threshold: 1 })],
  ];
});

// The topic is encrypted with a key of our own: CloudWatch cannot use the AWS-managed alias/aws/sns
// key, so with it every alarm's publish would fail. The key policy lets the account administer the
// key and CloudWatch encrypt messages for the topic, for alarms of this account only (so another
// account's CloudWatch cannot be made to use the key).
const ALARM_TOPIC_KEY = {
  Type: 'AWS::KMS::Key',
  Properties: {
    Description: 'Encrypts the alarm topic of ${self:service}-${sls:stage}; CloudWatch alarms publish with it',
    EnableKeyRotation: true,
    KeyPolicy: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AccountAdministersTheKey',
          Effect: 'Allow',
          Principal: { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] } },
          Action: 'kms:*',
          Resource: '*',
        },
        {
          Sid: 'CloudWatchPublishesAlarms',
          Effect: 'Allow',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          Resource: '*',
          Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
        },
      ],
    },
  },
};

// A regional web ACL's rule metrics carry the region as well as the ACL and the rule.
const translateRateAlarms = () => {
  const [perIp, total] = TRANSLATE_RATE_RULES;
  const blocked = (rule) => ({ WebACL: WEB_ACL_NAME, Rule: rule, Region: { Ref: 'AWS::Region' } });
  return {
    TranslateRateLimitPerIpAlarm: alarm({
      description: 'The WAF blocked translations from an address over translateRateLimitPerIp',
      namespace: 'AWS/WAFV2',
      metric: 'BlockedRequests',
      dimensions: blocked(perIp),
      threshold: 1,
    }),
    TranslateRateLimitTotalAlarm: alarm({
      description: 'The WAF blocked translations for everyone: all clients together passed translateRateLimitTotal',
      namespace: 'AWS/WAFV2',
      metric: 'BlockedRequests',
      dimensions: blocked(total),
      threshold: 1,
    }),
  };
};

module.exports = async ({ resolveVariable }) => {
  const alarmEmail = await (await settings(resolveVariable)).param('alarmEmail');
  return {
    Resources: {
      AlarmTopicKey: ALARM_TOPIC_KEY,
      AlarmTopic: { Type: 'AWS::SNS::Topic', Properties: { KmsMasterKeyId: { Ref: 'AlarmTopicKey' } } },
      ...(alarmEmail && {
        AlarmEmailSubscription: {
          Type: 'AWS::SNS::Subscription',
          Properties: { TopicArn: { Ref: 'AlarmTopic' }, Protocol: 'email', Endpoint: alarmEmail },
        },
      }),
      ...Object.fromEntries(perFunction),
      ...translateRateAlarms(),
      TargetServerErrorsAlarm: alarm({
        description: 'Functions answered 5XX through the load balancer',
        namespace: 'AWS/ApplicationELB',
        metric: 'HTTPCode_Target_5XX_Count',
        dimensions: LOAD_BALANCER,
        threshold: 5,
      }),
      LoadBalancerServerErrorsAlarm: alarm({
        description: 'The load balancer itself answered 5XX (e.g. a function timed out or failed to invoke)',
        namespace: 'AWS/ApplicationELB',
        metric: 'HTTPCode_ELB_5XX_Count',
        dimensions: LOAD_BALANCER,
        threshold: 5,
      }),
      TargetResponseTimeAlarm: alarm({
        description: 'p95 target response time at or above 3 s for 15 minutes',
        namespace: 'AWS/ApplicationELB',
        metric: 'TargetResponseTime',
        dimensions: LOAD_BALANCER,
        threshold: 3,
        extended: 'p95',
        periods: 3,
      }),
      DbCapacityAlarm: alarm({
        description: 'Aurora at 90 % or more of its maximum capacity for 15 minutes: raise maxCapacity',
        namespace: 'AWS/RDS',
        metric: 'ACUUtilization',
        dimensions: { DBClusterIdentifier: { Ref: 'DbCluster' } },
        threshold: 90,
        statistic: 'Average',
        periods: 3,
      }),
    },
  };
};
