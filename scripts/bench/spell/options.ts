/** What every job of npm run bench:spell shares: where things are, the run's flags, the goals. */
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
// --quick: a few seconds on the first cases of each set and the first sentences of each clean text, no timing goals; npm test runs it.
export const QUICK = process.argv.includes('--quick');
export const QUICK_CASES = 60;
export const QUICK_SENTENCES = 20;
// --verbose: every change of ours on the clean texts' tuning halves, and its real-word misses there.
export const VERBOSE = process.argv.includes('--verbose');
export const DATA = join(ROOT, '..', 'shared', 'data');

/** nspell on dictionary-en as the issue measured it, on the machine its goals were set on. */
export const NSPELL_REFERENCE = { loadMs: 113, p50: 2.1 };
/** The timing goals, printed beside each figure and in the goals table at the end. */
export const GOALS = { p50Ms: 0.05, p95Ms: 0.5, coldStartMs: 250, textMs: 20 };

/** Timing figures gathered over the run, for the goals table at the end. */
export interface Timings {
  p50?: number;
  p95?: number;
  coldStartMs?: number;
  /** 10,000-character texts, median ms, by how often a word is misspelled ("after one request" and long-running). */
  text: Record<number, { median: number; steady: number }>;
}

export const pct = (hits: number, cases: number) => `${((100 * hits) / cases).toFixed(1)} %`;
