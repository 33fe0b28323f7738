// AWS WAF in front of the load balancer, which serves a paid API (/api/translate spends Google
// characters). Rate limits in requests per 5 minutes, each answered 429 with the API's JSON error
// shape: per client address on every path (rateLimitPerIp); on POST /api/translate, the only
// requests that spend, per client address (translateRateLimitPerIp) and for all clients together
// (translateRateLimitTotal), the ceiling on what a flood from many addresses can spend. Then AWS's
// common rule set. Its rules on the body only count: the body is the user's text, which the service
// stores and shows escaped and never runs, opens or fetches, so HTML, code, a path or a URL in it is
// text to correct or translate, not an attack; and SizeRestrictions_BODY (8 KB) would refuse
// legitimate 10,000-character texts, where the service's own 256 KiB limit stands. The rules on the
// path, query string and headers still block, answering 403 REQUEST_BLOCKED in the API's error
// shape. With wafLogs, the ACL logs every request to a CloudWatch log group (WAF requires the
// aws-waf-logs- prefix).
const { isOn, settings } = require('./stage.cjs');

const errorBody = (code, message) => ({ ContentType: 'APPLICATION_JSON', Content: JSON.stringify({ error: { code, message } }) });
const RESPONSE_BODIES = {
  'rate-limited': errorBody('RATE_LIMITED', 'too many requests from your address; wait a minute and try again'),
  'translate-rate-limited': errorBody('RATE_LIMITED', 'too many translations from your address; wait a few minutes and try again'),
  'translate-capacity-reached': errorBody('RATE_LIMITED', 'the service is translating as much as it may for now; try again in a few minutes'),
  'request-blocked': errorBody('REQUEST_BLOCKED', 'the firewall refused this request: its path, query string or headers look like an attack'),
};
// Rules of the managed group that only count (recorded in the metrics, never blocking).
const COUNT_ONLY = ['SizeRestrictions_BODY', 'CrossSiteScripting_BODY', 'GenericLFI_BODY', 'GenericRFI_BODY', 'EC2MetaDataSSRF_BODY'];
// Its other rules, as AWS's documentation of the group lists them, block with the JSON 403. A group
// action has no custom response, so each rule is named; a rule AWS adds later blocks with WAF's
// plain 403 until it is listed here.
const BLOCKING = [
  'NoUserAgent_HEADER', 'UserAgent_BadBots_HEADER', 'SizeRestrictions_QUERYSTRING', 'SizeRestrictions_Cookie_HEADER', 'SizeRestrictions_URIPATH',
  'EC2MetaDataSSRF_COOKIE', 'EC2MetaDataSSRF_URIPATH', 'EC2MetaDataSSRF_QUERYARGUMENTS', 'GenericLFI_QUERYARGUMENTS', 'GenericLFI_URIPATH',
  'RestrictedExtensions_URIPATH', 'RestrictedExtensions_QUERYARGUMENTS', 'GenericRFI_QUERYARGUMENTS', 'GenericRFI_URIPATH',
  'CrossSiteScripting_COOKIE', 'CrossSiteScripting_QUERYARGUMENTS', 'CrossSiteScripting_URIPATH',
];

const visibility = (MetricName) => ({ CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true, MetricName });

const rateLimited = (bodyKey) => ({
  Block: { CustomResponse: { ResponseCode: 429, CustomResponseBodyKey: bodyKey, ResponseHeaders: [{ Name: 'Retry-After', Value: '60' }] } },
});
const BLOCKED = { Block: { CustomResponse: { ResponseCode: 403, CustomResponseBodyKey: 'request-blocked' } } };

const TRANSLATE_POSTS = {
  AndStatement: {
    Statements: [
      { ByteMatchStatement: { FieldToMatch: { UriPath: {} }, PositionalConstraint: 'EXACTLY', SearchString: '/api/translate', TextTransformations: [{ Priority: 0, Type: 'NONE' }] } },
      { ByteMatchStatement: { FieldToMatch: { Method: {} }, PositionalConstraint: 'EXACTLY', SearchString: 'POST', TextTransformations: [{ Priority: 0, Type: 'NONE' }] } },
    ],
  },
};

const rateRule = ({ name, priority, limit, key, scope, bodyKey }) => ({
  Name: name,
  Priority: priority,
  Statement: { RateBasedStatement: { Limit: limit, EvaluationWindowSec: 300, AggregateKeyType: key, ...(scope && { ScopeDownStatement: scope }) } },
  Action: rateLimited(bodyKey),
  VisibilityConfig: visibility(name),
});

/** The rate rules whose blocks cap translation spend, for their alarms (resources/alarms.cjs). */
const TRANSLATE_RATE_RULES = ['translate-rate-limit-per-ip', 'translate-rate-limit-total'];
const WEB_ACL_NAME = '${self:service}-${sls:stage}';

// The log group's ARN without the ":*" its Arn attribute ends with, which WAF refuses.
const WAF_LOG_GROUP_ARN = {
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':log-group:', { Ref: 'WafLogGroup' }]],
};
const wafLogResources = () => ({
  WafLogGroup: {
    Type: 'AWS::Logs::LogGroup',
    Properties: { LogGroupName: 'aws-waf-logs-${self:service}-${sls:stage}', RetentionInDays: '${param:logRetentionDays}' },
  },
  WafLogging: {
    Type: 'AWS::WAFv2::LoggingConfiguration',
    Properties: { ResourceArn: { 'Fn::GetAtt': ['WebAcl', 'Arn'] }, LogDestinationConfigs: [WAF_LOG_GROUP_ARN] },
  },
});

const firewall = async ({ resolveVariable }) => {
  const { param } = await settings(resolveVariable);
  const wafLogs = isOn(await param('wafLogs'));
  // A number even when it came from the command line (checked by resources/parameters.cjs).
  const limit = async (name) => Number(await param(name));
  return {
    Resources: {
      WebAcl: {
        Type: 'AWS::WAFv2::WebACL',
        Properties: {
          Name: WEB_ACL_NAME,
          Scope: 'REGIONAL',
          DefaultAction: { Allow: {} },
          VisibilityConfig: visibility(WEB_ACL_NAME),
          CustomResponseBodies: RESPONSE_BODIES,
          Rules: [
            rateRule({ name: 'rate-limit-per-ip', priority: 0, limit: await limit('rateLimitPerIp'), key: 'IP', bodyKey: 'rate-limited' }),
            rateRule({ name: TRANSLATE_RATE_RULES[0], priority: 1, limit: await limit('translateRateLimitPerIp'), key: 'IP', scope: TRANSLATE_POSTS, bodyKey: 'translate-rate-limited' }),
            // WAF counts every address together under one key; CONSTANT requires a scope-down statement.
            rateRule({ name: TRANSLATE_RATE_RULES[1], priority: 2, limit: await limit('translateRateLimitTotal'), key: 'CONSTANT', scope: TRANSLATE_POSTS, bodyKey: 'translate-capacity-reached' }),
            {
              Name: 'aws-common-rule-set',
              Priority: 3,
              OverrideAction: { None: {} },
              Statement: {
                ManagedRuleGroupStatement: {
                  VendorName: 'AWS',
                  Name: 'AWSManagedRulesCommonRuleSet',
                  RuleActionOverrides: [
                    ...COUNT_ONLY.map((Name) => ({ Name, ActionToUse: { Count: {} } })),
                    ...BLOCKING.map((Name) => ({ Name, ActionToUse: BLOCKED })),
                  ],
                },
              },
              VisibilityConfig: visibility('aws-common-rule-set'),
            },
          ],
        },
      },
      WebAclAssociation: {
        Type: 'AWS::WAFv2::WebACLAssociation',
        Properties: { ResourceArn: { Ref: 'LoadBalancer' }, WebACLArn: { 'Fn::GetAtt': ['WebAcl', 'Arn'] } },
      },
      ...(wafLogs && wafLogResources()),
    },
  };
};

module.exports = Object.assign(firewall, { TRANSLATE_RATE_RULES, WEB_ACL_NAME });
