/** The packaged stacks' shape: cfn-lint, the parameters packaging refuses, network, load balancer, database, functions, roles and database users. */
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { DATA_API_RETRY_BUDGET_MS } from '../../shared/db/executors/data-api.ts';
import { DATABASE_USERS } from '../../shared/db/users.ts';
import { RESPONSE_RESERVE_MS } from '../../functions/migrate/custom-resource.ts';
import { OPERATIONS } from '../../shared/operations/index.ts';
import openapi from '../../docs/openapi.yaml';
import { CERTIFICATE, FUNCTIONS, GOOGLE_KEY_SECRET, MASTER_SECRET, ROUTED, ofType, packagedStacks, refusedPackage, serverlessEnv, statementsOf, type Resource, type Template } from './packaged-stack.ts';

const { prod, dev, staging, files } = packagedStacks();

describe('cfn-lint', () => {
  it.each(['dev', 'prod', 'staging'])('finds nothing in the %s template beyond the rules .cfnlintrc.yaml ignores, each with its reason', (stage) => {
    const run = spawnSync('cfn-lint', ['--config-file', '.cfnlintrc.yaml', '--', files[stage as keyof typeof files]], { encoding: 'utf8' });
    expect(run.error).toBeUndefined();
    expect(`${run.stdout}${run.stderr}`).toBe('');
    expect(run.status).toBe(0);
  });

  it('names a reason above every ignored rule', () => {
    const lines = readFileSync('.cfnlintrc.yaml', 'utf8').split('\n');
    const ignored = lines.flatMap((line, i) => (/^\s+- [EWI]\d{4}\b/.test(line) ? [i] : []));
    expect(ignored.length).toBeGreaterThan(0);
    for (const i of ignored) expect(lines[i - 1]).toMatch(/^\s*#\s*\S.{20,}/);
  });

  it('leaves out at package time what a stage does not use: no conditions at all', () => {
    for (const t of [dev, prod]) expect(t.Conditions ?? {}).toEqual({});
    expect(dev.Resources.AlarmEmailSubscription).toBeUndefined();
    expect(dev.Resources.DbCluster!.Properties.ServerlessV2ScalingConfiguration.SecondsUntilAutoPause).toBe(900);
    expect(prod.Resources.DbCluster!.Properties.ServerlessV2ScalingConfiguration).not.toHaveProperty('SecondsUntilAutoPause');
  });
});

describe('deploy failures caught when packaging', () => {
  it('refuses a stage with an HTTPS listener and no certificateArn, saying what to pass', () => {
    const run = refusedPackage('dev');
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(/certificateArn is required for stage "dev".*--param="certificateArn=arn:aws:acm:/);
  }, 60_000);

  it('refuses, in one message, every parameter AWS would refuse at deploy time, naming what is allowed', () => {
    const run = refusedPackage(
      'dev', '--param=certificateArn=arn:aws:acm:us-east-1:123456789012:cert/x', '--param=alarmEmail=ops', '--param=rateLimitPerIp=9',
      '--param=translateRateLimitTotal=lots', '--param=minCapacity=0.25', '--param=maxCapacity=300', '--param=logRetentionDays=10',
      '--param=wafLogs=yes', '--param=dbLogExports=error,slow', '--param=accessLogRetentionDays=0', '--param=translateConcurrency=0',
    );
    expect(run.status).not.toBe(0);
    for (const problem of [
      'The parameters of stage "dev" have 11 problems',
      'certificateArn must be an ACM certificate ARN, arn:aws:acm:<region>:<12-digit account>:certificate/<id>; got "arn:aws:acm:us-east-1:123456789012:cert/x"',
      'alarmEmail must be an e-mail address, got "ops"',
      "rateLimitPerIp must be a whole number of requests from 10 (AWS WAF's minimum) to 2000000000, got \"9\"",
      'translateRateLimitTotal must be a whole number of requests from 10',
      'minCapacity must be 0 to 256 ACUs in steps of 0.5, got "0.25"',
      'maxCapacity must be 1 to 256 ACUs in steps of 0.5, got "300"',
      "logRetentionDays must be one of CloudWatch Logs' retention periods (1, 3, 5, 7, 14, 30,",
      'wafLogs must be true or false, got "yes"',
      'dbLogExports must list Aurora MySQL log types (audit, error, general, slowquery) separated by commas, got "error,slow"',
      'accessLogRetentionDays must be a whole number of days, at least 1, got "0"',
      'translateConcurrency must be a positive whole number, or empty for none, got "0"',
    ]) expect(run.output).toContain(problem);
  }, 60_000);

  it('refuses a minimum capacity above the maximum, and a certificate from another region', () => {
    const run = refusedPackage('prod', '--param=certificateArn=arn:aws:acm:eu-west-1:123456789012:certificate/test', '--param=minCapacity=4', '--param=maxCapacity=2');
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('minCapacity (4) must not exceed maxCapacity (2)');
    expect(run.output).toContain("certificateArn must be a certificate in the stack's region us-east-1");
  }, 60_000);

  it.each([
    ['an unlisted stage that names no base', 'staging', [], 'stage "staging" is not one of local, dev, prod: name the stage whose settings it takes with --param="baseStage=dev" or --param="baseStage=prod"'],
    ['an unlisted stage on a base that is not deployed', 'staging', ['--param=baseStage=local'], 'with --param="baseStage=dev" or --param="baseStage=prod", got baseStage="local"'],
    ['a base stage given another base', 'dev', ['--param=baseStage=prod'], 'baseStage is for stages other than dev and prod; stage "dev" is one, got baseStage="prod"'],
  ])('refuses %s', (_name, stage, params, message) => {
    const run = refusedPackage(stage, CERTIFICATE, ...params);
    expect(run.status).not.toBe(0);
    expect(run.output).toContain(message);
  }, 60_000);

  it('gives a stage on a base stage that base\'s values, and its own parameters over them', () => {
    expect(staging.Resources.DbCluster!.Properties.ServerlessV2ScalingConfiguration).toEqual({ MinCapacity: 0.5, MaxCapacity: 8 });
    expect(staging.Resources.DbCluster!.Properties.DeletionProtection).toBe(true);
    expect(staging.Resources.HomeLogGroup!.Properties.RetentionInDays).toBe(90);
    expect(staging.Resources.AccessLogBucket).toBeDefined();
    expect(staging.Resources.WafLogging).toBeUndefined();
    expect(staging.Resources.DbCluster!.Properties.EnableCloudwatchLogsExports).toEqual(['error', 'slowquery']);
  });

  it('asks nothing of the local stage, which serverless offline serves: no certificate, and the shell keeps its DB_SECRET_ARN', () => {
    const run = spawnSync('npx', ['serverless', 'print', '--stage', 'local', '--format', 'json'], {
      env: { ...serverlessEnv(), DB_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:local' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout.slice(run.stdout.indexOf('{')));
    expect(printed.functions.home.environment.DB_SECRET_ARN).toBe('arn:aws:secretsmanager:us-east-1:123456789012:secret:local');
  }, 60_000);
});

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

  it('routes every operation of shared/operations to a function of its own, and the home page', () => {
    expect(Object.values(ROUTED).sort()).toEqual(['/', ...OPERATIONS.map((name) => `/api/${name}`)].sort());
  });

  it('has one rule per routed function with distinct priorities, each to a Lambda target group with a cheap health check', () => {
    const rules = ofType(prod, 'AWS::ElasticLoadBalancingV2::ListenerRule').map(([, r]) => r.Properties);
    // The home function has two: a condition takes at most three paths.
    expect(rules).toHaveLength(5);
    expect(new Set(rules.map((r) => r.Priority)).size).toBe(5);
    expect(rules.map((r) => r.Conditions[0].Values[0]).sort()).toEqual([...Object.values(ROUTED), '/robots.txt'].sort());
    for (const rule of rules) expect(rule.Conditions[0].Values.length).toBeLessThanOrEqual(3);
    // Every path docs/openapi.yaml lists is routed: the home rule also takes the document and /health,
    // its second robots.txt and the pages' icon (shared/http/site-files.ts).
    expect(rules.find((r) => r.Conditions[0].Values[0] === '/')!.Conditions[0].Values).toEqual(['/', '/openapi.json', '/health']);
    expect(rules.find((r) => r.Conditions[0].Values[0] === '/robots.txt')!.Conditions[0].Values).toEqual(['/robots.txt', '/favicon.svg']);
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
    // 3.10: the long-term-support line with both the Data API on Serverless v2 (3.07+) and 0-ACU auto-pause (3.08+).
    expect(cluster.Properties.EngineVersion).toMatch(/^8\.0\.mysql_aurora\.3\.10\.\d+$/);
    expect(prod.Resources.DbWriter!.Properties.AutoMinorVersionUpgrade).toBe(false);
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
    const readsGoogleKey = (t: Template) => statementsOf(t, 'TranslateRole').some((s) => JSON.stringify(s.Resource).includes('google'));
    expect(readsGoogleKey(prod)).toBe(true);
    expect(readsGoogleKey(dev)).toBe(false);
    for (const t of [dev, prod]) for (const name of FUNCTIONS) for (const s of statementsOf(t, `${name}Role`)) expect(s.Resource).not.toEqual('');
  });

  it('reserves concurrency for translate only when translateConcurrency is set, and leaves migrate unrouted', () => {
    expect(prod.Resources.TranslateLambdaFunction!.Properties.ReservedConcurrentExecutions).toBe(20);
    expect(dev.Resources.TranslateLambdaFunction!.Properties).not.toHaveProperty('ReservedConcurrentExecutions');
    const targets = ofType(prod, 'AWS::ElasticLoadBalancingV2::TargetGroup').flatMap(([, g]) => g.Properties.Targets.map((t: { Id: unknown }) => JSON.stringify(t.Id)));
    expect(targets.some((id) => id.includes('MigrateLambdaFunction'))).toBe(false);
  });
});

describe('IAM and database users', () => {
  it('gives each function a role scoped to its log group, this cluster and its own secret, with nothing on *', () => {
    expect(ofType(prod, 'AWS::IAM::Role').map(([name]) => name).sort()).toEqual(FUNCTIONS.map((n) => `${n}Role`).sort());
    const userSecrets = Object.keys(ROUTED).map((name) => ({ Ref: `${name}DbSecret` }));
    for (const name of FUNCTIONS) {
      const statements = statementsOf(prod, `${name}Role`);
      for (const statement of statements) {
        expect(JSON.stringify(statement.Resource)).not.toMatch(/"\*"|:\*"$/);
        for (const action of [statement.Action].flat()) expect(action).not.toMatch(/\*/);
      }
      const resourcesOf = (prefix: string) =>
        statements.filter((s) => s.Action.some((a) => a.startsWith(prefix))).flatMap((s) => [s.Resource].flat());
      expect(resourcesOf('rds-data:')).toEqual([{ 'Fn::GetAtt': ['DbCluster', 'DBClusterArn'] }]);
      const own = name === 'Migrate' ? [MASTER_SECRET, ...userSecrets] : [{ Ref: `${name}DbSecret` }];
      expect(resourcesOf('secretsmanager:')).toEqual(name === 'Translate' ? [...own, GOOGLE_KEY_SECRET] : own);
      expect(resourcesOf('logs:')).toEqual([{ 'Fn::GetAtt': [`${name}LogGroup`, 'Arn'] }]);
    }
  });

  it('signs each routed function in with its own generated secret, and migrate with the master secret and the users to create', () => {
    for (const name of Object.keys(ROUTED)) {
      expect(prod.Resources[`${name}LambdaFunction`]!.Properties.Environment.Variables.DB_SECRET_ARN).toEqual({ Ref: `${name}DbSecret` });
      const secret = prod.Resources[`${name}DbSecret`]!;
      expect(secret.Type).toBe('AWS::SecretsManager::Secret');
      const generated = secret.Properties.GenerateSecretString;
      expect(JSON.parse(generated.SecretStringTemplate)).toEqual({ username: `text_${name.toLowerCase()}` });
      expect(generated).toEqual(expect.objectContaining({ GenerateStringKey: 'password', ExcludePunctuation: true }));
      expect(generated.PasswordLength).toBeGreaterThanOrEqual(32);
    }
    const migrate = prod.Resources.MigrateLambdaFunction!.Properties.Environment.Variables;
    expect(migrate.DB_SECRET_ARN).toEqual(MASTER_SECRET);
    // The JSON map the migrate function reads, with each Ref standing for its secret's ARN.
    const [, parts] = migrate.DB_USER_SECRET_ARNS['Fn::Join'] as [string, Array<string | { Ref: string }>];
    const users = JSON.parse(parts.map((p) => (typeof p === 'string' ? p : `arn-of-${p.Ref}`)).join(''));
    expect(users).toEqual(Object.fromEntries(Object.keys(DATABASE_USERS).map((u) => [u, `arn-of-${u[0]!.toUpperCase()}${u.slice(1)}DbSecret`])));
  });
});

describe('database users before the functions', () => {
  const users = () => prod.Resources.DatabaseUsers!;

  it('are made by a custom resource that the migrate function serves, once the writer is up, from the cluster, the master secret and every user secret', () => {
    expect(users().Type).toBe('Custom::DatabaseUsers');
    expect(users().DependsOn).toEqual(['DbWriter']);
    expect(users().Properties).toEqual({
      ServiceToken: { 'Fn::GetAtt': ['MigrateLambdaFunction', 'Arn'] },
      ServiceTimeout: expect.any(Number),
      ClusterArn: { 'Fn::GetAtt': ['DbCluster', 'DBClusterArn'] },
      MasterSecretArn: MASTER_SECRET,
      Database: 'text_service',
      UserSecretArns: Object.fromEntries(Object.keys(DATABASE_USERS).map((u) => [u, { Ref: `${u[0]!.toUpperCase()}${u.slice(1)}DbSecret` }])),
      Revision: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    // The same sources give the same revision: a deploy that changes nothing sends no Update.
    expect(dev.Resources.DatabaseUsers!.Properties.Revision).toBe(users().Properties.Revision);
    // Names of secrets only: a secret's value never appears in the template or the stack's events.
    expect(JSON.stringify(users())).not.toMatch(/resolve:secretsmanager|password/i);
  });

  it('hold back every routed function until they answer SUCCESS, and not migrate, which serves them', () => {
    for (const t of [dev, prod, staging]) {
      for (const name of Object.keys(ROUTED)) expect(t.Resources[`${name}LambdaFunction`]!.DependsOn).toContain('DatabaseUsers');
      expect(t.Resources.MigrateLambdaFunction!.DependsOn).not.toContain('DatabaseUsers');
    }
  });

  it('leave CloudFormation waiting no longer than the migrate function and the two retries Lambda makes of it need', () => {
    const { Timeout } = prod.Resources.MigrateLambdaFunction!.Properties;
    // Lambda retries a failed asynchronous invocation after 1 and then 2 minutes; the limit is AWS's.
    expect(users().Properties.ServiceTimeout).toBeGreaterThanOrEqual(3 * Timeout + 60 + 120);
    expect(users().Properties.ServiceTimeout).toBeLessThanOrEqual(3600);
    // The function answers RESPONSE_RESERVE_MS before its timeout; what is left covers a statement
    // retried through a cluster resume, with as much again for the rest of the work.
    expect(Timeout * 1000 - RESPONSE_RESERVE_MS).toBeGreaterThanOrEqual(DATA_API_RETRY_BUDGET_MS * 2);
  });

  it('let only the migrate function read the master secret, and no function invoke another or touch CloudFormation', () => {
    for (const t of [dev, prod]) {
      for (const name of FUNCTIONS) {
        const statements = statementsOf(t, `${name}Role`);
        const readsMaster = statements.some((s) => JSON.stringify(s.Resource).includes('MasterUserSecret'));
        expect(readsMaster).toBe(name === 'Migrate');
        for (const action of statements.flatMap((s) => s.Action)) {
          expect(['logs:CreateLogStream', 'logs:PutLogEvents', 'rds-data:ExecuteStatement', 'secretsmanager:GetSecretValue']).toContain(action);
        }
      }
    }
  });
});
