/** Apertium's command line as a shell pipeline: one `apertium` per pair, killed whole past its time. */
import { spawn } from 'node:child_process';
import { AppError } from '../../errors.ts';
import { outOfTime } from '../translator.ts';
import { apertiumEnv } from './child-env.ts';

/** The time one run may take, and whether the request's deadline rather than the timeout set it. */
export interface RunBudget {
  ms: number;
  deadlineFirst: boolean;
}

/** `apertium -u PAIR | apertium -u NEXT`: the pairs stay arguments, never script. */
export function pipeline(command: string, pairs: readonly string[], markUnknown: boolean) {
  const flag = markUnknown ? '' : ' -u';
  const stages = pairs.map((_, i) => `"$0"${flag} "$${i + 1}"`).join(' | ');
  return { script: stages, args: [command, ...pairs] };
}

/**
 * Runs `script` (positional arguments `args`) with the text on stdin, within `budget`: past it the
 * whole pipeline is killed, and answered as a timeout, or as out of time when the request's
 * deadline came first.
 */
export function runPipeline(
  { script, args }: { script: string; args: readonly string[] },
  text: string,
  { ms: timeoutMs, deadlineFirst }: RunBudget,
  what: string,
): Promise<string> {
  if (deadlineFirst && timeoutMs <= 0) return Promise.reject(outOfTime('Apertium'));
  return new Promise((resolve, reject) => {
    // apertium reads /dev/stdin by path, which cannot be opened when stdin is Node's socket pair:
    // `cat` turns it into a real pipe. The text and the pairs stay arguments and data, never script.
    // Its own process group, so a timeout ends the whole pipeline.
    const child = spawn('/bin/sh', ['-c', `cat | ${script}`, ...args], { stdio: ['pipe', 'pipe', 'pipe'], detached: true, env: apertiumEnv() });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let settled = false;
    const finish = (error: AppError | undefined, output?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(output!);
    };
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      const cause = new Error(`apertium ${what} timed out`);
      finish(deadlineFirst ? outOfTime('Apertium', cause) : new AppError('UPSTREAM_TIMEOUT', `Apertium did not answer within ${timeoutMs} ms; try again later`, {}, cause));
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => finish(new AppError('UPSTREAM_FAILED', `Could not run Apertium (${(error as NodeJS.ErrnoException).code ?? error.message})`, {}, error)));
    child.on('close', (code, signal) => {
      const output = Buffer.concat(stdout).toString('utf8');
      // A stage that crashes mid-pipeline leaves the script's exit code at 0 but the output empty.
      if (code === 0 && (output.trim() || !text.trim())) return finish(undefined, output);
      // stderr names the failing stage (missing mode file, crash); it goes to the log through `cause`.
      const detail = Buffer.concat(stderr).toString('utf8').trim().slice(0, 1000);
      const why = code === 0 ? 'no output' : (signal ?? `exit ${code}`);
      finish(new AppError('UPSTREAM_FAILED', `Apertium failed (${why}); try again later`, {}, new Error(`apertium ${what}: ${detail}`)));
    });
    // A process that dies early closes stdin; the close handler reports why.
    child.stdin.on('error', () => {});
    child.stdin.end(text, 'utf8');
  });
}
