/**
 * npm run bench:detection-cost [-- --rounds N]: what the first detection costs a new translate
 * container with Apertium's command line, with eld's medium n-gram database loaded with the
 * function (as language-detector.ts did until issue 25) and its small one loaded only when the
 * dictionaries cannot decide (as now), in one run: each round starts a new Node process per case, interleaved, and reports the
 * time from building the detection to its first answer (listing the pairs and starting the
 * analysers included) and the process's RSS after it. Exits 1 when a goal is missed (issue 25:
 * first detection ≤ 0.3 s, RSS at least 60 MB below eld loaded with the function).
 *
 * --quick (run by npm test): one round, to catch a broken bench; it only prints the goals it misses.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createApertiumCliEngine, findApertiumCommand } from '../../shared/translate/apertium/index.ts';
import { createEldDetector } from '../../shared/translate/language-detector.ts';
import { createSourceChooser } from '../../shared/translate/translation-service.ts';
import { createFluencyScorer } from '../../shared/text/english-fluency.ts';
import { loadWordModel } from '../../shared/text/word-model.ts';
import { median } from './stats.ts';

const GOALS = { firstDetectionMs: 300, rssSavedMb: 60 };
const LOADINGS = ['with the function', 'when needed'] as const;
type Loading = (typeof LOADINGS)[number];
/** One text the dictionaries decide, and one they tie on (Galician and Portuguese know both words). */
const TEXTS = { decided: 'Muchas gracias por todo', tied: 'Boas noites' } as const;
type TextKind = keyof typeof TEXTS;

interface Measure {
  ms: number;
  rssMb: number;
  source: string | undefined;
}

/** In the new process: everything the function imports is loaded; the clock starts where eld was loaded before. */
async function child(loading: Loading, kind: TextKind): Promise<Measure> {
  const command = findApertiumCommand(process.env.PATH);
  if (!command) throw new Error('apertium is not installed');
  const generated = (name: string) => readFileSync(new URL(`../../shared/text/generated/${name}`, import.meta.url), 'utf8');
  const fluency = createFluencyScorer(() => loadWordModel(generated('words.txt'), generated('word-pairs.txt')));
  const started = performance.now();
  // Before: the medium database, imported with the module.
  const preloaded = loading === 'with the function' ? (await import('eld/medium')).eld : undefined;
  const detector = preloaded ? createEldDetector(async () => preloaded) : createEldDetector();
  const { chooseSource } = createSourceChooser({ engine: createApertiumCliEngine({ command }), detector, fluency });
  const { source } = await chooseSource(TEXTS[kind], undefined);
  return { ms: performance.now() - started, rssMb: process.memoryUsage().rss / 2 ** 20, source };
}

const childAt = process.argv.indexOf('--child');
if (childAt >= 0) {
  const [loading, kind] = process.argv.slice(childAt + 1) as [Loading, TextKind];
  console.log(JSON.stringify(await child(loading, kind)));
  process.exit(0);
}

const quick = process.argv.includes('--quick');
const roundsAt = process.argv.indexOf('--rounds');
const rounds = quick ? 1 : roundsAt >= 0 ? Number(process.argv[roundsAt + 1]) : 5;
const script = fileURLToPath(import.meta.url);
const results = new Map<string, Measure[]>();
for (let round = 0; round < rounds; round++) {
  for (const kind of Object.keys(TEXTS) as TextKind[]) {
    for (const loading of LOADINGS) {
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, '--child', loading, kind]);
      const key = `${kind}\n${loading}`;
      results.set(key, [...(results.get(key) ?? []), JSON.parse(stdout) as Measure]);
    }
  }
}

console.log(`## First detection in a new process (${rounds} rounds, medians)\n`);
console.log('| text | eld database loaded | first detection ms | RSS after it MB | detected |');
console.log('|---|---|---|---|---|');
const missed: string[] = [];
for (const kind of Object.keys(TEXTS) as TextKind[]) {
  const [before, now] = LOADINGS.map((loading) => {
    const measures = results.get(`${kind}\n${loading}`)!;
    const row = { ms: median(measures.map((m) => m.ms)), rssMb: median(measures.map((m) => m.rssMb)), source: measures[0]!.source };
    console.log(`| ${kind}: ${TEXTS[kind]} | ${loading} | ${row.ms.toFixed(0)} | ${row.rssMb.toFixed(0)} | ${row.source} |`);
    return row;
  });
  if (now!.ms > GOALS.firstDetectionMs) missed.push(`${kind}: first detection ${now!.ms.toFixed(0)} ms`);
  if (before!.rssMb - now!.rssMb < GOALS.rssSavedMb) missed.push(`${kind}: RSS ${(before!.rssMb - now!.rssMb).toFixed(0)} MB below eld loaded with the function`);
}
if (missed.length > 0) {
  console.error(`\nGoals missed (first detection ≤ ${GOALS.firstDetectionMs} ms, RSS ≥ ${GOALS.rssSavedMb} MB below):\n  ${missed.join('\n  ')}`);
  process.exit(quick ? 0 : 1);
}
console.log('\nEvery goal met.');
