/**
 * npm run bench:spell — accuracy and speed of the spelling engine against nspell.suggest (and
 * SymSpell WASM when `spellchecker-wasm` is installed) on Norvig's two test sets and Wikipedia's
 * common misspellings; then real-word errors and do-no-harm on clean texts beside Harper and the
 * dictionary checkers, the packaged function's cold start, running-text costs, and
 * the end-to-end ratio through the offline server. Each engine is measured in its own process, so load
 * time and memory are its own. Data: ../shared/data/. Each job is a module of scripts/bench/spell/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { registerTextLoader } from '../build-text-data.ts';
import { cleanTextTable } from './spell/clean-text.ts';
import { cleanTexts } from './spell/clean-texts.ts';
import { bundledColdStart } from './spell/cold-start.ts';
import { baselineNspell, loadCorrectors } from './spell/correctors.ts';
import { endToEnd } from './spell/end-to-end.ts';
import { goalsTable } from './spell/goals.ts';
import { DATA, NSPELL_REFERENCE, pct, QUICK, QUICK_SENTENCES, ROOT, VERBOSE, type Timings } from './spell/options.ts';
import { realWordTable } from './spell/real-word.ts';
import { runningTextCosts } from './spell/running-text.ts';
import { ENGINES, loadSets, measureEngine, peerRows, SETS, type Engine, type EngineReport } from './spell/suggestion-sets.ts';
import { variantSpellingsLine } from './spell/variant-spellings.ts';

/** The running-text jobs on the clean texts: the real-word table, the do-no-harm table, the variants' spellings. */
async function cleanTextJobs(): Promise<string[]> {
  const texts = cleanTexts(DATA);
  const correctors = await loadCorrectors();
  const options = { quick: QUICK, perSource: QUICK ? QUICK_SENTENCES : Infinity, verbose: VERBOSE };
  return [...(await realWordTable(texts, correctors, options)), '', ...(await cleanTextTable(texts, correctors, options)), '', await variantSpellingsLine(QUICK)];
}

async function main(): Promise<void> {
  const engineArg = process.argv.indexOf('--engine');
  if (engineArg > 0) {
    registerTextLoader();
    console.log(JSON.stringify(await measureEngine(process.argv[engineArg + 1] as Engine)));
    return;
  }
  registerTextLoader();
  // --cold-start: only the packaged function's import time (with --baseline, beside that commit's).
  if (process.argv.includes('--cold-start')) {
    for (const line of bundledColdStart({ text: {} })) console.log(line);
    return;
  }
  if (!existsSync(join(DATA, 'spell-testset1.txt'))) {
    console.error(`The benchmark data folder ${DATA} is missing (or lacks spell-testset1.txt): no recall figures. See docs/spelling.md, Benchmark.`);
    if (!QUICK) process.exit(2);
    console.log((await cleanTextJobs()).join('\n'));
    return;
  }
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const reports = ENGINES.map((engine) => {
    const child = spawnSync(tsx, [process.argv[1]!, '--engine', engine, ...(QUICK ? ['--quick'] : [])], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 });
    if (child.status !== 0) throw new Error(`${engine} bench failed:\n${child.stderr}`);
    return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as EngineReport;
  });

  const sets = loadSets();
  const header = ['engine', ...SETS.flatMap((s) => [`${s} top-1`, `${s} top-5`]), 'ms/word p50', 'ms/word p95', 'load ms', 'RSS MB'];
  const rows = reports.map((r) => {
    if (r.missing) return [r.engine, ...SETS.flatMap(() => ['–', '–']), '–', '–', '–', `– (not installed: ${r.missing})`];
    return [
      r.engine === 'ours' ? '**ours**' : r.engine === 'nspell' ? 'nspell `suggest()`' : r.engine,
      ...SETS.flatMap((s) => [pct(r.sets![s]!.top1, r.sets![s]!.cases), pct(r.sets![s]!.top5, r.sets![s]!.cases)]),
      r.p50!.toFixed(3),
      r.p95!.toFixed(3),
      r.loadMs!.toFixed(0),
      r.rssMb!.toFixed(0),
    ];
  });
  rows.push(...peerRows(sets));
  // Published figures from ../shared/data/SOURCES.md, for the engines not run here.
  rows.push(['SymSpell WASM (SOURCES.md)', '74.4 %', '–', '73.8 %', '–', '85.2 %', '–', '0.16', '0.92', '935', '–']);
  rows.push(['Norvig (published)', '75 %', '–', '68 %', '–', '–', '–', '–', '–', '–', '–']);
  console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  console.log(`\nCases: ${SETS.map((s) => `${s} ${sets[s].length}`).join(', ')}. A hit is a suggestion equal to the correction, ignoring case.`);
  // A correction nspell rejects, or a misspelling it accepts, is out of reach of any engine that keeps nspell as the authority.
  const spell = await baselineNspell();
  const accepted = (word: string) => spell.correct(word) || spell.correct(word.charAt(0).toUpperCase() + word.slice(1));
  const reachable = SETS.map((s) => pct(sets[s].filter((c) => accepted(c.right[0]!) && !spell.correct(c.wrong)).length, sets[s].length));
  console.log(`Reachable at most (correction accepted by nspell, misspelling rejected): ${SETS.map((s, i) => `${s} ${reachable[i]}`).join(', ')}.`);
  // The issue's goals came with nspell's figures on the machine they were set on: how fast this one is.
  const reference = reports.find((r) => r.engine === 'nspell');
  const factors = reference?.p50 && reference.loadMs ? { load: reference.loadMs / NSPELL_REFERENCE.loadMs, suggest: reference.p50 / NSPELL_REFERENCE.p50 } : undefined;
  if (factors) {
    console.log(
      `This machine against the one the goals were set on (nspell there: load ${NSPELL_REFERENCE.loadMs} ms, suggest median ${NSPELL_REFERENCE.p50} ms): nspell takes ${factors.load.toFixed(2)}× as long to load and ${factors.suggest.toFixed(2)}× to suggest here. Goals below are the issue's numbers as they stand; the last table also divides each figure by these factors.`,
    );
  }
  console.log(`\n${(await cleanTextJobs()).join('\n')}`);
  if (QUICK) return;
  const ours = reports.find((r) => r.engine === 'ours');
  const timings: Timings = { p50: ours?.p50, p95: ours?.p95, text: {} };
  for (const line of bundledColdStart(timings)) console.log(line);
  for (const line of await runningTextCosts(sets, timings)) console.log(line);
  for (const line of await endToEnd(sets)) console.log(line);
  if (factors) console.log(`\n${goalsTable(timings, factors.load, factors.suggest).join('\n')}`);
}


await main();
