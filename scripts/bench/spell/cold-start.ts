/**
 * The deployable artefact: `serverless package` (with placeholder ARNs), unzipped, and its handler
 * imported in fresh Node processes as Lambda would; the store opens lazily, so this is engine init.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GOALS, ROOT, type Timings } from './options.ts';

/** `serverless package` of the project at `root`, with the spell zip unzipped into work/spell; returns the zip's path. */
function packageSpell(root: string, work: string): string {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ALB_LISTENER_ARN: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/t/0123456789abcdef/0123456789abcdef',
    DB_CLUSTER_ARN: 'arn:aws:rds:us-east-1:123456789012:cluster:t',
    DB_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:t',
  };
  delete env.NODE_OPTIONS;
  const certificate = '--param=certificateArn=arn:aws:acm:us-east-1:123456789012:certificate/bench'; // packaging a deployed stage needs one
  execFileSync('npx', ['serverless', 'package', '--stage', 'dev', '--package', join(work, 'package'), certificate], { cwd: root, env, stdio: 'pipe' });
  const zip = join(work, 'package', 'spell.zip');
  execFileSync('unzip', ['-q', zip, '-d', join(work, 'spell')]);
  return zip;
}

/** Milliseconds and MB of RSS to import the unzipped spell bundle in a fresh Node process. */
function importOnce(dir: string): [number, number] {
  const script = "const t = performance.now(); await import('./functions/spell/handler.mjs'); console.log(performance.now() - t, process.memoryUsage().rss / 2 ** 20);";
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: dir,
    env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', DB_CLUSTER_ARN: 'arn:aws:rds:us-east-1:123456789012:cluster:t', DB_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:t', DB_NAME: 'bench' },
    encoding: 'utf8',
  });
  return out.trim().split(' ').map(Number) as [number, number];
}

/**
 * The packaged spell function's cold start (median of 7 fresh imports); with `--baseline <git ref>`
 * also that commit's, packaged from a temporary worktree and imported in turn with ours, so both
 * are measured on the same machine at the same moment.
 */
export function bundledColdStart(timings: Timings): string[] {
  const work = mkdtempSync(join(tmpdir(), 'bench-spell-'));
  const baselineArg = process.argv.indexOf('--baseline');
  const ref = baselineArg > 0 ? process.argv[baselineArg + 1] : undefined;
  const tree = join(work, 'baseline-tree');
  try {
    const zip = packageSpell(ROOT, work);
    let baseline: string | undefined;
    if (ref) {
      execFileSync('git', ['worktree', 'add', '--detach', tree, ref], { cwd: ROOT, stdio: 'pipe' });
      execFileSync('cp', ['-al', join(ROOT, 'node_modules'), tree]);
      execFileSync('npx', ['tsx', 'scripts/build-text-data.ts'], { cwd: tree, stdio: 'pipe' });
      baseline = join(work, 'baseline');
      packageSpell(tree, baseline);
    }
    const runs: Array<[number, number]> = [];
    const baseRuns: number[] = [];
    for (let k = 0; k < 7; k++) {
      runs.push(importOnce(join(work, 'spell')));
      if (baseline) baseRuns.push(importOnce(join(baseline, 'spell'))[0]);
    }
    runs.sort((a, b) => a[0] - b[0]);
    baseRuns.sort((a, b) => a - b);
    const [ms, rss] = runs[3]!;
    timings.coldStartMs = ms;
    const lines = [
      `Bundled spell function (${(statSync(zip).size / 2 ** 20).toFixed(2)} MB zip, goal < 5 MB): import in a fresh process ${ms.toFixed(0)} ms (median of 7; fastest ${runs[0]![0].toFixed(0)} ms; goal ≤ ${GOALS.coldStartMs} ms), ${rss.toFixed(0)} MB RSS (goal ≤ 200 MB).`,
    ];
    if (ref) lines.push(`The same at ${ref}, imported in turn with it: ${baseRuns[3]!.toFixed(0)} ms; ours is ${(100 * (ms / baseRuns[3]! - 1)).toFixed(1)} % above (goal ≤ 10 %).`);
    return lines;
  } finally {
    if (ref) execFileSync('git', ['worktree', 'remove', '--force', tree], { cwd: ROOT, stdio: 'pipe' });
    rmSync(work, { recursive: true, force: true });
  }
}
