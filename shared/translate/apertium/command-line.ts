/** Apertium through its command line: Debian's `apertium` package and its language pairs. */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { requestDeadline, type DeadlineSource } from '../../deadline.ts';
import { AppError } from '../../errors.ts';
import { DEFAULT_TIMEOUT_MS } from '../translator.ts';
import { apertiumEngine, type ApertiumEngine } from './engine.ts';
import { pipeline, runPipeline, type RunBudget } from './pipeline.ts';
import { residentAnalysers } from './resident-analyser.ts';

/** The `apertium` executable on the given PATH, or undefined when it is not installed. */
export function findApertiumCommand(path: string | undefined): string | undefined {
  for (const dir of (path ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, 'apertium');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

export interface ApertiumCliOptions {
  /** Path of the `apertium` executable. */
  command: string;
  timeoutMs?: number;
  /** Where the pairs' mode files are, as the apertium script finds them (APERTIUM_DATADIR); default /usr/share/apertium. */
  dataDir?: string | undefined;
  /** How long a resident analyser waits for the next text before it is ended (and reaped). */
  analyserIdleMs?: number;
  /** The request's deadline (shared/deadline.ts), which ends a run sooner than timeoutMs when it comes first. */
  deadline?: DeadlineSource;
}

/**
 * serverless-offline ends a function's worker thread after 60 s idle, and a child still running
 * then is never reaped: only the thread that spawned a process waits for it. Ending analysers
 * sooner keeps them inside the thread's life.
 */
const ANALYSER_IDLE_MS = 20_000;

export function createApertiumCliEngine({
  command,
  timeoutMs = DEFAULT_TIMEOUT_MS,
  dataDir = '/usr/share/apertium',
  analyserIdleMs = ANALYSER_IDLE_MS,
  deadline = requestDeadline,
}: ApertiumCliOptions): ApertiumEngine {
  /** The time one run may take: its own timeout, or less when the request's deadline comes first. */
  const budget = (): RunBudget => {
    const untilDeadline = (deadline() ?? Infinity) - Date.now();
    return { ms: Math.max(0, Math.min(timeoutMs, untilDeadline)), deadlineFirst: untilDeadline < timeoutMs };
  };
  const knownWordShare = residentAnalysers(dataDir, analyserIdleMs);
  return apertiumEngine({
    async listPairs() {
      try {
        const { stdout } = await promisify(execFile)(command, ['-l'], { timeout: timeoutMs });
        return stdout.split('\n').map((line) => line.trim()).filter(Boolean);
      } catch (error) {
        throw new AppError('UPSTREAM_FAILED', 'Could not list the installed Apertium language pairs; check the apertium installation', {}, error);
      }
    },
    translate: (text, pairs, markUnknown) => runPipeline(pipeline(command, pairs, markUnknown), text, budget(), pairs.join('+')),
    knownWordShare: (text, pair) => knownWordShare(text, pair, () => budget().ms),
  });
}
