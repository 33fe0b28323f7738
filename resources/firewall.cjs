// AWS WAF in front of the load balancer, which serves a paid API (/api/translate spends Google
// characters): a rate limit per client address (the rateLimitPerIp parameter, requests per
// 5 minutes) answered with the API's JSON error shape, and AWS's common rule set. Its rules on the
// body only count: the body is the user's text, which the service stores and shows escaped and never
// runs, opens or fetches, so HTML, code, a path or a URL in it is text to correct or translate, not an
// attack; and SizeRestrictions_BODY (8 KB) would refuse legitimate 10,000-character texts, where the
// service's own 256 KiB limit stands. The rules on the path, query string and headers still block.
const RATE_LIMITED_BODY = JSON.stringify({
  error: { code: 'RATE_LIMITED', message: 'too many requests from your address; wait a minute and try again' },
});
// Rules of the managed group that only count (recorded in the metrics, never blocking).
const COUNT_ONLY = ['SizeRestrictions_BODY', 'CrossSiteScripting_BODY', 'GenericLFI_BODY', 'GenericRFI_BODY', 'EC2MetaDataSSRF_BODY'];

const visibility = (MetricName) => ({ CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true, MetricName });

module.exports = () => ({
  Resources: {
    WebAcl: {
      Type: 'AWS::WAFv2::WebACL',
      Properties: {
        Name: '${self:service}-${sls:stage}',
        Scope: 'REGIONAL',
        DefaultAction: { Allow: {} },
        VisibilityConfig: visibility('${self:service}-${sls:stage}'),
        CustomResponseBodies: { 'rate-limited': { ContentType: 'APPLICATION_JSON', Content: RATE_LIMITED_BODY } },
        Rules: [
          {
            Name: 'rate-limit-per-ip',
            Priority: 0,
            Statement: { RateBasedStatement: { Limit: '${param:rateLimitPerIp}', EvaluationWindowSec: 300, AggregateKeyType: 'IP' } },
            Action: {
              Block: {
                CustomResponse: {
                  ResponseCode: 429,
                  CustomResponseBodyKey: 'rate-limited',
                  ResponseHeaders: [{ Name: 'Retry-After', Value: '60' }],
                },
              },
            },
            VisibilityConfig: visibility('rate-limit-per-ip'),
          },
          {
            Name: 'aws-common-rule-set',
            Priority: 1,
            OverrideAction: { None: {} },
            Statement: {
              ManagedRuleGroupStatement: {
                VendorName: 'AWS',
                Name: 'AWSManagedRulesCommonRuleSet',
                RuleActionOverrides: COUNT_ONLY.map((Name) => ({ Name, ActionToUse: { Count: {} } })),
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
  },
});
