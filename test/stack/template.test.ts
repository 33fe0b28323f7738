/** `serverless package` for prod and dev, and what the CloudFormation template must hold. */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Resource {
  Type: string;
  Properties: Record<string, any>; // CloudFormation properties, asserted field by field
  Condition?: string;
  DeletionPolicy?: string;
}
type Template = { Resources: Record<string, Resource>; Conditions?: Record<string, unknown>; Outputs?: Record<string, unknown> };

const GOOGLE_KEY_SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:google-translate-key-AbCdEf';
const ROUTED = { Home: '/', Spell: '/api/spell', Space: '/api/space', Translate: '/api/translate' };
const FUNCTIONS = [...Object.keys(ROUTED), 'Migrate'];

function packageStage(stage: string, ...params: string[]): Template {
  const dir = mkdtempSync(join(tmpdir(), `text-service-${stage}-`));
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NODE_OPTIONS;
  execFileSync(
    'npx',
    ['serverless', 'package', '--stage', stage, '--package', dir,
      '--param=certificateArn=arn:aws:acm:us-east-1:123456789012:certificate/test', '--param=alarmEmail=ops@example.com', ...params],
    { env, stdio: 'pipe' },
  );
  return JSON.parse(readFileSync(join(dir, 'cloudformation-template-update-stack.json'), 'utf8'));
}

const ofType = (t: Template, type: string) => Object.entries(t.Resources).filter(([, r]) => r.Type === type);

let prod: Template;
let dev: Template;

beforeAll(() => {
  prod = packageStage('prod', `--param=googleKeySecretArn=${GOOGLE_KEY_SECRET}`);
  dev = packageStage('dev');
}, 120_000);

describe('network', () => {
  it('has two public and two private subnets across two zones, and no NAT gateway', () => {
    const subnets = ofType(prod, 'AWS::EC2::Subnet');
    expect(subnets).toHaveLength(4);
    const zones = (names: string[]) => names.map((n) => prod.Resources[n]!.Properties.AvailabilityZone['Fn::Select'][0]).sort();
    expect(zones(['PublicSubnetA', 'PublicSubnetB'])).toEqual([0, 1]);
    expect(zones(['PrivateSubnetA', 'PrivateSubnetB'])).toEqual([0, 1]);
    expect(ofType(prod, 'AWS::EC2::NatGateway')).toHaveLength(0);
    expect(ofType(prod, 'AWS::EC2::Route').map(([, r]) => r.Properties.RouteTableId)).toEqual([{ Ref: 'PublicRouteTable' }]);
  });
});

describe('load balancer', () => {
  it('serves HTTPS with a TLS 1.2+ policy and the given certificate, and a JSON 404 by default', () => {
    const https = prod.Resources.HttpsListener!.Properties;
    expect(https).toEqual(expect.objectContaining({ Port: 443, Protocol: 'HTTPS', SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' }));
    expect(https.Certificates).toEqual([{ CertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/test' }]);
    const [fallback] = https.DefaultActions;
    expect(fallback.FixedResponseConfig).toEqual(expect.objectContaining({ StatusCode: '404', ContentType: 'application/json' }));
    expect(JSON.parse(fallback.FixedResponseConfig.MessageBody).error.code).toBe('NOT_FOUND');
    expect(prod.Resources.LoadBalancer!.Properties.Scheme).toBe('internet-facing');
  });

  it('redirects HTTP to HTTPS', () => {
    const http = prod.Resources.HttpListener!.Properties;
    expect(http.Port).toBe(80);
    expect(http.DefaultActions).toEqual([{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }]);
  });

  it('has one rule per routed function with distinct priorities, each to a Lambda target group with a cheap health check', () => {
    const rules = ofType(prod, 'AWS::ElasticLoadBalancingV2::ListenerRule').map(([, r]) => r.Properties);
    expect(rules).toHaveLength(4);
    expect(new Set(rules.map((r) => r.Priority)).size).toBe(4);
    expect(rules.map((r) => r.Conditions[0].Values[0]).sort()).toEqual(Object.values(ROUTED).sort());
    for (const rule of rules) expect(rule.ListenerArn).toEqual({ Ref: 'HttpsListener' });
    for (const [, group] of ofType(prod, 'AWS::ElasticLoadBalancingV2::TargetGroup')) {
      expect(group.Properties).toEqual(expect.objectContaining({ TargetType: 'lambda', HealthCheckEnabled: true, HealthCheckPath: '/health' }));
    }
  });
});

describe('database', () => {
  it('is Aurora Serverless v2 MySQL with the Data API, encrypted, backed up, with a managed secret', () => {
    const cluster = prod.Resources.DbCluster!;
    expect(cluster.Properties).toEqual(
      expect.objectContaining({ Engine: 'aurora-mysql', EnableHttpEndpoint: true, StorageEncrypted: true, ManageMasterUserPassword: true }),
    );
    expect(cluster.Properties.EngineVersion).toMatch(/^8\.0\.mysql_aurora\.3\.(0[89]|[1-9]\d)\./);
    expect(cluster.Properties.BackupRetentionPeriod).toBeGreaterThanOrEqual(7);
    expect(cluster.DeletionPolicy).toBe('Snapshot');
    const [[, writer]] = ofType(prod, 'AWS::RDS::DBInstance') as [[string, Resource]];
    expect(writer.Properties).toEqual(expect.objectContaining({ DBInstanceClass: 'db.serverless', PubliclyAccessible: false }));
  });

  it('takes capacity and deletion protection from the stage: dev may pause, prod stays warm and protected', () => {
    expect(dev.Resources.DbCluster!.Properties.ServerlessV2ScalingConfiguration).toEqual(expect.objectContaining({ MinCapacity: 0, MaxCapacity: 2 }));
    expect(dev.Resources.DbCluster!.Properties.DeletionProtection).toBe(false);
    expect(prod.Resources.DbCluster!.Properties.ServerlessV2ScalingConfiguration).toEqual(expect.objectContaining({ MinCapacity: 0.5, MaxCapacity: 8 }));
    expect(prod.Resources.DbCluster!.Properties.DeletionProtection).toBe(true);
  });
});

describe('functions', () => {
  it('run nodejs22.x on arm64 outside the VPC, each with its own role, Data API settings and a log group with retention', () => {
    for (const name of FUNCTIONS) {
      const fn = prod.Resources[`${name}LambdaFunction`]!.Properties;
      expect(fn).toEqual(expect.objectContaining({ Runtime: 'nodejs22.x', Architectures: ['arm64'] }));
      expect(fn.VpcConfig).toBeUndefined();
      expect(fn.Role).toEqual({ 'Fn::GetAtt': [`${name}Role`, 'Arn'] });
      expect(fn.Environment.Variables.DB_CLUSTER_ARN).toEqual({ 'Fn::GetAtt': ['DbCluster', 'DBClusterArn'] });
      expect(fn.Timeout).toBeGreaterThanOrEqual(30);
      expect(prod.Resources[`${name}LogGroup`]!.Properties.RetentionInDays).toBe(90);
    }
    expect(dev.Resources.HomeLogGroup!.Properties.RetentionInDays).toBe(14);
  });

  it('do not parse source maps at cold start (they cost the spell function 15-30 ms)', () => {
    for (const name of FUNCTIONS) expect(prod.Resources[`${name}LambdaFunction`]!.Properties.Environment.Variables.NODE_OPTIONS ?? '').not.toContain('source-maps');
  });

  it('gives translate the Google key secret, only when one is configured', () => {
    expect(prod.Resources.TranslateLambdaFunction!.Properties.Environment.Variables.GOOGLE_TRANSLATE_SECRET_ARN).toBe(GOOGLE_KEY_SECRET);
    expect(prod.Conditions!.HasGoogleKeySecret).toEqual({ 'Fn::Not': [{ 'Fn::Equals': [`secret-${GOOGLE_KEY_SECRET}`, 'secret-'] }] });
    expect(dev.Conditions!.HasGoogleKeySecret).toEqual({ 'Fn::Not': [{ 'Fn::Equals': ['secret-', 'secret-'] }] });
  });

  it('caps translate with reserved concurrency and leaves migrate unrouted', () => {
    expect(prod.Resources.TranslateLambdaFunction!.Properties.ReservedConcurrentExecutions).toBe(20);
    const targets = ofType(prod, 'AWS::ElasticLoadBalancingV2::TargetGroup').flatMap(([, g]) => g.Properties.Targets.map((t: { Id: unknown }) => JSON.stringify(t.Id)));
    expect(targets.some((id) => id.includes('MigrateLambdaFunction'))).toBe(false);
  });
});

describe('IAM', () => {
  it('gives each function a role scoped to its log group, this cluster and its secret, with nothing on *', () => {
    expect(ofType(prod, 'AWS::IAM::Role').map(([name]) => name).sort()).toEqual(FUNCTIONS.map((n) => `${n}Role`).sort());
    for (const name of FUNCTIONS) {
      // A statement under Fn::If counts as granted (its condition holds in this template).
      const statements = prod.Resources[`${name}Role`]!.Properties.Policies.flatMap((p: { PolicyDocument: { Statement: unknown[] } }) =>
        p.PolicyDocument.Statement.map((st) => (st as { 'Fn::If'?: unknown[] })['Fn::If']?.[1] ?? st),
      );
      for (const statement of statements) {
        expect(JSON.stringify(statement.Resource)).not.toMatch(/"\*"|:\*"$/);
        for (const action of [statement.Action].flat()) expect(action).not.toMatch(/\*/);
      }
      const resourceOf = (prefix: string) => statements.filter((s: { Action: string[] }) => s.Action.some((a) => a.startsWith(prefix))).map((s: { Resource: unknown }) => s.Resource);
      expect(resourceOf('rds-data:')).toEqual([{ 'Fn::GetAtt': ['DbCluster', 'DBClusterArn'] }]);
      const dbSecret = { 'Fn::GetAtt': ['DbCluster', 'MasterUserSecret.SecretArn'] };
      expect(resourceOf('secretsmanager:')).toEqual(name === 'Translate' ? [dbSecret, GOOGLE_KEY_SECRET] : [dbSecret]);
      expect(resourceOf('logs:')).toEqual([{ 'Fn::GetAtt': [`${name}LogGroup`, 'Arn'] }]);
    }
  });
});

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
});
