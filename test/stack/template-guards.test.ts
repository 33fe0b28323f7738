/** The packaged stacks' guards: alarms, the firewall, log options, access logs, and one deadline per request with headroom. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../shared/config.ts';
import { DATA_API_BACKOFF, DATA_API_RETRY_BUDGET_MS } from '../../shared/db/executors/data-api.ts';
import { DEADLINE_HEADROOM_MS, requestDeadlineOf } from '../../shared/http/middleware.ts';
import { createGoogleEngine } from '../../shared/translate/google-translator.ts';
import { DEFAULT_TIMEOUT_MS } from '../../shared/translate/translator.ts';
import openapi from '../../docs/openapi.yaml';
import { googleError, startGoogleTranslateStub } from '../fakes/google-translate-stub.ts';
import { FUNCTIONS, ROUTED, ofType, packagedStacks, type Template } from './packaged-stack.ts';

const { prod, dev } = packagedStacks();

describe('alarms', () => {
  it('watch errors and throttles per function, ALB 5XX and response time, and Aurora capacity, notifying the SNS topic', () => {
    const alarms = ofType(prod, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    const watched = alarms.map((a) => `${a.Namespace}/${a.MetricName}`);
    for (const metric of ['AWS/Lambda/Errors', 'AWS/Lambda/Throttles']) expect(watched.filter((w) => w === metric)).toHaveLength(FUNCTIONS.length);
    for (const metric of ['AWS/ApplicationELB/HTTPCode_Target_5XX_Count', 'AWS/ApplicationELB/HTTPCode_ELB_5XX_Count', 'AWS/ApplicationELB/TargetResponseTime', 'AWS/RDS/ACUUtilization']) {
      expect(watched).toContain(metric);
    }
    for (const alarm of alarms) expect(alarm.AlarmActions).toEqual([{ Ref: 'AlarmTopic' }]);
    expect(prod.Resources.AlarmEmailSubscription!.Properties).toEqual(expect.objectContaining({ Protocol: 'email', Endpoint: 'ops@example.com' }));
  });

  it('encrypt the topic with a key of their own whose policy lets CloudWatch publish (the AWS-managed SNS key would not)', () => {
    for (const t of [dev, prod]) {
      expect(t.Resources.AlarmTopic!.Properties.KmsMasterKeyId).toEqual({ Ref: 'AlarmTopicKey' });
      const key = t.Resources.AlarmTopicKey!;
      expect(key.Type).toBe('AWS::KMS::Key');
      expect(key.Properties.EnableKeyRotation).toBe(true);
      const cloudwatch = key.Properties.KeyPolicy.Statement.find((s: { Principal: { Service?: string } }) => s.Principal.Service === 'cloudwatch.amazonaws.com');
      expect(cloudwatch).toEqual(expect.objectContaining({ Effect: 'Allow', Action: expect.arrayContaining(['kms:Decrypt', 'kms:GenerateDataKey*']) }));
      // Only alarms of this account: another account's CloudWatch cannot be made to use the key.
      expect(cloudwatch.Condition).toEqual({ StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } });
    }
  });

  it('watch the WAF blocking translations at either cap, by the web ACL, rule and region its metrics carry', () => {
    const acl = prod.Resources.WebAcl!.Properties;
    for (const [alarm, rule] of [['TranslateRateLimitPerIpAlarm', 'translate-rate-limit-per-ip'], ['TranslateRateLimitTotalAlarm', 'translate-rate-limit-total']] as const) {
      const { Properties } = prod.Resources[alarm]!;
      const metricName = acl.Rules.find((r: { Name: string }) => r.Name === rule).VisibilityConfig.MetricName;
      expect(Properties).toEqual(expect.objectContaining({ Namespace: 'AWS/WAFV2', MetricName: 'BlockedRequests', Statistic: 'Sum', Threshold: 1, AlarmActions: [{ Ref: 'AlarmTopic' }] }));
      expect(Properties.Dimensions).toEqual([
        { Name: 'WebACL', Value: acl.Name },
        { Name: 'Rule', Value: metricName },
        { Name: 'Region', Value: { Ref: 'AWS::Region' } },
      ]);
    }
  });
});

describe('firewall', () => {
  const acl = () => prod.Resources.WebAcl!.Properties;
  const rule = (name: string) => acl().Rules.find((r: { Name: string }) => r.Name === name);

  it('is a regional web ACL associated with the load balancer', () => {
    expect(acl()).toEqual(expect.objectContaining({ Scope: 'REGIONAL', DefaultAction: { Allow: {} } }));
    expect(prod.Resources.WebAclAssociation!.Properties).toEqual({ ResourceArn: { Ref: 'LoadBalancer' }, WebACLArn: { 'Fn::GetAtt': ['WebAcl', 'Arn'] } });
    expect(dev.Resources.WebAclAssociation).toBeDefined();
  });

  it('limits requests per client IP to the stage parameter and answers 429 with the API\'s JSON error', () => {
    const limit = rule('rate-limit-per-ip');
    expect(limit.Statement.RateBasedStatement).toEqual(expect.objectContaining({ Limit: 500, AggregateKeyType: 'IP' }));
    const { CustomResponse } = limit.Action.Block;
    expect(CustomResponse.ResponseCode).toBe(429);
    const body = acl().CustomResponseBodies[CustomResponse.CustomResponseBodyKey];
    expect(body.ContentType).toBe('APPLICATION_JSON');
    expect(JSON.parse(body.Content)).toEqual({ error: { code: 'RATE_LIMITED', message: expect.any(String) } });
  });

  const TRANSLATE_POSTS = {
    AndStatement: {
      Statements: [
        { ByteMatchStatement: { FieldToMatch: { UriPath: {} }, PositionalConstraint: 'EXACTLY', SearchString: '/api/translate', TextTransformations: [{ Priority: 0, Type: 'NONE' }] } },
        { ByteMatchStatement: { FieldToMatch: { Method: {} }, PositionalConstraint: 'EXACTLY', SearchString: 'POST', TextTransformations: [{ Priority: 0, Type: 'NONE' }] } },
      ],
    },
  };

  it('limits translations, the requests that spend, per client IP and for all clients together, to the stage parameters', () => {
    const rules = (t: Template) => Object.fromEntries(t.Resources.WebAcl!.Properties.Rules.map((r: { Name: string; Statement: unknown }) => [r.Name, r.Statement]));
    expect(rules(prod)['translate-rate-limit-per-ip']).toEqual({ RateBasedStatement: { Limit: 30, EvaluationWindowSec: 300, AggregateKeyType: 'IP', ScopeDownStatement: TRANSLATE_POSTS } });
    expect(rules(prod)['translate-rate-limit-total']).toEqual({ RateBasedStatement: { Limit: 300, EvaluationWindowSec: 300, AggregateKeyType: 'CONSTANT', ScopeDownStatement: TRANSLATE_POSTS } });
    // The defaults: low, and the all-path rule stays.
    expect(rules(dev)['translate-rate-limit-per-ip'].RateBasedStatement.Limit).toBe(20);
    expect(rules(dev)['translate-rate-limit-total'].RateBasedStatement.Limit).toBe(100);
    expect(rules(dev)['rate-limit-per-ip'].RateBasedStatement).toEqual({ Limit: 500, EvaluationWindowSec: 300, AggregateKeyType: 'IP' });
    expect(new Set(acl().Rules.map((r: { Priority: number }) => r.Priority)).size).toBe(acl().Rules.length);
  });

  it('answers every block in the API\'s JSON error shape, with a code and status the contract lists: 429 with Retry-After for the rate rules', () => {
    const contractCodes = (openapi as any).components.schemas.ErrorCode; // the document's structure, read field by field
    const blocks = [
      ...acl().Rules.flatMap((r: { Name: string; Action?: { Block?: unknown } }) => (r.Action?.Block ? [[r.Name, r.Action.Block]] : [])),
      ...rule('aws-common-rule-set').Statement.ManagedRuleGroupStatement.RuleActionOverrides.flatMap((o: { Name: string; ActionToUse: { Block?: unknown } }) =>
        o.ActionToUse.Block ? [[o.Name, o.ActionToUse.Block]] : [],
      ),
    ] as Array<[string, { CustomResponse: { ResponseCode: number; CustomResponseBodyKey: string; ResponseHeaders?: unknown } }]>;
    expect(blocks.length).toBeGreaterThan(3);
    for (const [name, { CustomResponse }] of blocks) {
      const body = acl().CustomResponseBodies[CustomResponse.CustomResponseBodyKey];
      expect(body.ContentType).toBe('APPLICATION_JSON');
      const { error } = JSON.parse(body.Content);
      expect(error).toEqual({ code: expect.any(String), message: expect.stringMatching(/\S/) });
      expect(contractCodes.enum).toContain(error.code);
      expect(contractCodes.description).toMatch(new RegExp(`\\| ${CustomResponse.ResponseCode} \\|[^\\n]*\`${error.code}\``));
      if (name.startsWith('rate-limit') || name.startsWith('translate-rate-limit')) {
        expect(CustomResponse).toEqual({ ResponseCode: 429, CustomResponseBodyKey: CustomResponse.CustomResponseBodyKey, ResponseHeaders: [{ Name: 'Retry-After', Value: '60' }] });
      }
    }
    for (const name of ['rate-limit-per-ip', 'translate-rate-limit-per-ip', 'translate-rate-limit-total']) expect(blocks.map(([n]) => n)).toContain(name);
  });

  it('runs AWS\'s common rule set with its body rules only counting, so 10,000-character texts pass, and its other rules blocking with a JSON 403', () => {
    const common = rule('aws-common-rule-set');
    expect(common.OverrideAction).toEqual({ None: {} });
    const group = common.Statement.ManagedRuleGroupStatement;
    expect(group).toEqual(expect.objectContaining({ VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' }));
    const overrides = group.RuleActionOverrides as Array<{ Name: string; ActionToUse: { Count?: object; Block?: { CustomResponse: unknown } } }>;
    expect(overrides.filter((o) => o.ActionToUse.Count).map((o) => o.Name)).toEqual(['SizeRestrictions_BODY', 'CrossSiteScripting_BODY', 'GenericLFI_BODY', 'GenericRFI_BODY', 'EC2MetaDataSSRF_BODY']);
    const blocking = overrides.filter((o) => !o.ActionToUse.Count);
    expect(blocking.map((o) => o.Name)).toEqual(expect.arrayContaining(['NoUserAgent_HEADER', 'GenericLFI_URIPATH', 'CrossSiteScripting_QUERYARGUMENTS']));
    for (const o of blocking) expect(o.ActionToUse).toEqual({ Block: { CustomResponse: { ResponseCode: 403, CustomResponseBodyKey: 'request-blocked' } } });
    expect(new Set(overrides.map((o) => o.Name)).size).toBe(overrides.length);
  });
});

describe('log options', () => {
  it('log the web ACL\'s requests, with wafLogs (on in prod), to a log group named aws-waf-logs-… with the stage\'s retention', () => {
    const group = prod.Resources.WafLogGroup!;
    expect(group.Type).toBe('AWS::Logs::LogGroup');
    expect(group.Properties).toEqual({ LogGroupName: 'aws-waf-logs-text-service-prod', RetentionInDays: 90 });
    const logging = prod.Resources.WafLogging!;
    expect(logging.Type).toBe('AWS::WAFv2::LoggingConfiguration');
    expect(logging.Properties.ResourceArn).toEqual({ 'Fn::GetAtt': ['WebAcl', 'Arn'] });
    // The group's ARN without the ":*" of its Arn attribute, which WAF refuses.
    const [destination] = logging.Properties.LogDestinationConfigs;
    expect(destination['Fn::Join'][1]).toEqual(expect.arrayContaining([':log-group:', { Ref: 'WafLogGroup' }]));
    expect(JSON.stringify(destination)).not.toContain(':*');
    expect(dev.Resources.WafLogGroup).toBeUndefined();
    expect(dev.Resources.WafLogging).toBeUndefined();
  });

  it('export Aurora\'s logs to CloudWatch Logs with dbLogExports: the error log in prod, none in dev', () => {
    expect(prod.Resources.DbCluster!.Properties.EnableCloudwatchLogsExports).toEqual(['error']);
    expect(dev.Resources.DbCluster!.Properties).not.toHaveProperty('EnableCloudwatchLogsExports');
  });
});

describe('access logs', () => {
  it('go in prod to an encrypted, private bucket that expires them, writable by the load balancer over TLS only', () => {
    const attributes = Object.fromEntries(prod.Resources.LoadBalancer!.Properties.LoadBalancerAttributes.map((a: { Key: string; Value: unknown }) => [a.Key, a.Value]));
    expect(attributes).toEqual(expect.objectContaining({ 'access_logs.s3.enabled': 'true', 'access_logs.s3.bucket': { Ref: 'AccessLogBucket' } }));
    expect(prod.Resources.LoadBalancer!.DependsOn).toEqual(['AccessLogBucketPolicy']);
    const bucket = prod.Resources.AccessLogBucket!.Properties;
    expect(bucket.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
    expect(bucket.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(bucket.LifecycleConfiguration.Rules).toEqual([expect.objectContaining({ Status: 'Enabled', ExpirationInDays: 90 })]);
    const statements = prod.Resources.AccessLogBucketPolicy!.Properties.PolicyDocument.Statement;
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Allow', Action: 's3:PutObject', Principal: { AWS: expect.anything() } }));
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
  });

  it('are off in dev', () => {
    expect(dev.Resources.AccessLogBucket).toBeUndefined();
    expect(JSON.stringify(dev.Resources.LoadBalancer!.Properties.LoadBalancerAttributes)).not.toContain('access_logs');
  });
});

describe('timing: one deadline per request, with headroom', () => {
  // AWS: an Aurora Serverless v2 instance paused for more than a day can take about 30 s to resume.
  const RESUME_MS = 30_000;
  // After the resume: the request's remaining Data API statements and the function's own work.
  const WORK_MS = 2_000;
  // translate's first request reads the Google key once: one attempt of 3 s to connect and 5 s to
  // answer (shared/translate/secret-api-key.ts).
  const SECRET_READ_MS = 3_000 + 5_000;

  /** The configuration a function computes from its template environment (intrinsics stand in as placeholder ARNs). */
  const configOf = (name: string) => {
    const variables: Record<string, unknown> = prod.Resources[`${name}LambdaFunction`]!.Properties.Environment.Variables;
    const env = Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, typeof v === 'string' ? v : `arn:placeholder:${k}`]));
    const timeoutMs = prod.Resources[`${name}LambdaFunction`]!.Properties.Timeout * 1000;
    // What a request gets when it starts its invocation: the whole timeout remains.
    const deadlineMs = requestDeadlineOf({ getRemainingTimeInMillis: () => timeoutMs }, 0);
    return { env, config: loadConfig(env), timeoutMs, deadlineMs };
  };
  const idleTimeoutMs = () =>
    1000 * Number(prod.Resources.LoadBalancer!.Properties.LoadBalancerAttributes.find((a: { Key: string }) => a.Key === 'idle_timeout.timeout_seconds').Value);

  let google: Awaited<ReturnType<typeof startGoogleTranslateStub>>;
  beforeAll(async () => {
    google = await startGoogleTranslateStub();
  });
  afterAll(() => google.close());

  it('ends every request\'s deadline a headroom before its function\'s timeout, and every timeout before the load balancer\'s idle timeout', () => {
    expect(DEADLINE_HEADROOM_MS).toBeGreaterThanOrEqual(500);
    for (const name of Object.keys(ROUTED)) {
      const { config, timeoutMs, deadlineMs } = configOf(name);
      expect(config.store.kind).toBe('data-api');
      expect(deadlineMs + DEADLINE_HEADROOM_MS).toBe(timeoutMs);
      expect(timeoutMs).toBeLessThan(idleTimeoutMs());
    }
  });

  it('lets a statement be retried past a 30 s resume by the longest backoff delay, so an attempt lands after it', () => {
    expect(DATA_API_RETRY_BUDGET_MS).toBeGreaterThanOrEqual(RESUME_MS + DATA_API_BACKOFF.maxDelayMs);
  });

  it('fits the resume\'s retries and the work in the deadline of home, spell and space', () => {
    for (const name of ['Home', 'Spell', 'Space']) expect(DATA_API_RETRY_BUDGET_MS + WORK_MS).toBeLessThanOrEqual(configOf(name).deadlineMs);
  });

  it('fits in translate\'s deadline: the resume\'s retries + key read + engine timeout x Google client attempts x batches of the longest text + work', async () => {
    const { env, config, deadlineMs } = configOf('Translate');
    const engineTimeoutMs = Number(env.TRANSLATE_TIMEOUT_MS || DEFAULT_TIMEOUT_MS);
    // Google's client, asked once while Google fails, sends exactly one request: its own retries add nothing.
    google.respondWith(() => googleError(503, 'backend error', 'backendError'));
    process.env.GOOGLE_CLOUD_TRANSLATE_ENDPOINT = google.endpoint;
    const engine = createGoogleEngine({ apiKey: 'test-key', timeoutMs: engineTimeoutMs });
    delete process.env.GOOGLE_CLOUD_TRANSLATE_ENDPOINT;
    await expect(engine.translateBatch(['hola'], 'es')).rejects.toThrow();
    const attempts = google.requests.length;
    expect(attempts).toBe(1);
    const batches = Math.ceil(config.maxTextChars / engine.maxBatchChars);
    expect(DATA_API_RETRY_BUDGET_MS + SECRET_READ_MS + engineTimeoutMs * attempts * batches + WORK_MS).toBeLessThanOrEqual(deadlineMs);
  });
});
