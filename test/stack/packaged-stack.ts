/**
 * The stacks test/stack reads: `serverless package` for prod, dev and a stage on prod's base, each
 * packaged once per test run (jest --runInBand runs every file in one process) however many test
 * files read them; and the helpers they share.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FUNCTIONS as MANIFEST, resourceName } from '../../resources/functions.cjs';

export interface Resource {
  Type: string;
  Properties: Record<string, any>; // CloudFormation properties, asserted field by field
  Condition?: string;
  DeletionPolicy?: string;
  DependsOn?: string[];
}
export type Template = { Resources: Record<string, Resource>; Conditions?: Record<string, unknown>; Outputs?: Record<string, unknown> };

export const GOOGLE_KEY_SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:google-translate-key-AbCdEf';
export const CERTIFICATE = '--param=certificateArn=arn:aws:acm:us-east-1:123456789012:certificate/test';
// The stack's functions by their CloudFormation prefix (`home` is HomeLambdaFunction), and the routed
// ones with their first listener path.
export const FUNCTIONS = Object.keys(MANIFEST).map(resourceName);
export const ROUTED = Object.fromEntries(Object.entries(MANIFEST).flatMap(([name, { rules }]) => (rules ? [[resourceName(name), rules[0]!.paths[0]!]] : [])));
export const MASTER_SECRET = { 'Fn::GetAtt': ['DbCluster', 'MasterUserSecret.SecretArn'] };

/** The stages the tests read, with the parameters each is packaged with. */
const STAGES = {
  prod: [CERTIFICATE, '--param=alarmEmail=ops@example.com', `--param=googleKeySecretArn=${GOOGLE_KEY_SECRET}`, '--param=translateConcurrency=20', '--param=translateRateLimitPerIp=30', '--param=translateRateLimitTotal=300'],
  dev: [CERTIFICATE],
  // An unlisted stage on prod's base, with the options prod has on turned off and the Aurora exports widened.
  staging: [CERTIFICATE, '--param=baseStage=prod', '--param=wafLogs=false', '--param=dbLogExports=error,slowquery'],
} as const;
type Stage = keyof typeof STAGES;

export const serverlessEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NODE_OPTIONS;
  delete env.CERTIFICATE_ARN;
  delete env.TRANSLATE_CONCURRENCY;
  return env;
};

// This process, for the run's templates: a later run, or a change between runs, packages afresh.
const RUN = `${process.pid}-${Math.round(performance.timeOrigin)}`;

/** The template file of `stage`, packaged now or by an earlier test file of this run. */
function templateFile(stage: Stage): string {
  const cached = join(tmpdir(), `text-service-${stage}-${RUN}.json`);
  if (existsSync(cached)) return cached;
  const dir = mkdtempSync(join(tmpdir(), `text-service-${stage}-`));
  execFileSync('npx', ['serverless', 'package', '--stage', stage, '--package', dir, ...STAGES[stage]], { env: serverlessEnv(), stdio: 'pipe' });
  renameSync(join(dir, 'cloudformation-template-update-stack.json'), cached);
  return cached;
}

/** The three stages' templates and their files (for cfn-lint). */
export function packagedStacks(): Record<Stage, Template> & { files: Record<Stage, string> } {
  const files = Object.fromEntries((Object.keys(STAGES) as Stage[]).map((stage) => [stage, templateFile(stage)])) as Record<Stage, string>;
  const read = (stage: Stage): Template => JSON.parse(readFileSync(files[stage], 'utf8'));
  return { prod: read('prod'), dev: read('dev'), staging: read('staging'), files };
}

export const ofType = (t: Template, type: string) => Object.entries(t.Resources).filter(([, r]) => r.Type === type);

/** `serverless package` that fails: its status and what it printed. */
export function refusedPackage(stage: string, ...params: string[]) {
  const dir = mkdtempSync(join(tmpdir(), `text-service-refused-${stage}-`));
  const run = spawnSync('npx', ['serverless', 'package', '--stage', stage, '--package', dir, ...params], { env: serverlessEnv(), encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

export const statementsOf = (t: Template, role: string) =>
  t.Resources[role]!.Properties.Policies.flatMap((p: { PolicyDocument: { Statement: unknown[] } }) => p.PolicyDocument.Statement) as Array<{
    Action: string[];
    Resource: unknown;
  }>;
