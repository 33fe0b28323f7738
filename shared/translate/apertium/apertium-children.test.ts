/**
 * Every process Apertium's command line starts is waited for: after many translations the process
 * has no dead (zombie) children and no more live ones than its resident analysers, also when it ran
 * in a worker thread that was then ended, as serverless-offline ends an idle function's thread.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { createApertiumCliEngine, findApertiumCommand } from './command-line.ts';

/** This process's children from /proc: command name and state (Z: dead, not yet waited for). */
function children(): Array<{ pid: number; comm: string; state: string }> {
  return readdirSync('/proc').flatMap((pid) => {
    if (!/^\d+$/.test(pid)) return [];
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      return []; // ended meanwhile
    }
    // pid (comm) state ppid …; comm may hold spaces and parentheses, so split after the last ')'.
    const close = stat.lastIndexOf(')');
    const [state, ppid] = stat.slice(close + 2).split(' ');
    return Number(ppid) === process.pid ? [{ pid: Number(pid), comm: stat.slice(stat.indexOf('(') + 1, close), state: state! }] : [];
  });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

/** The dead children once Node has had up to `ms` to wait for them: a child that just ended is dead until its exit is read. */
async function deadAfter(ms: number) {
  for (const until = Date.now() + ms; ; await settle()) {
    const dead = children().filter(({ state }) => state === 'Z');
    if (dead.length === 0 || Date.now() >= until) return dead;
  }
}
const command = findApertiumCommand(process.env.PATH)!;

test('100 translations and detections leave no dead children, and live ones only for the resident analysers', async () => {
  // Under --runInBand the suites before this one share the process, with their own resident analysers.
  const before = new Set(children().map(({ pid }) => pid));
  const engine = createApertiumCliEngine({ command });
  const codes = ['es', 'ca', 'is', 'hr', 'en'];
  const texts = ['El perro come una manzana', 'Bon dia a tothom', 'Viltu koma', 'Dobar dan'];
  for (let i = 0; i < 25; i++) {
    await Promise.all(
      texts.map(async (text, j) => {
        await engine.knownWordShares(`${text} ${i}`, codes);
        await engine.translateBatch([`${text} ${i}`], codes[j]);
      }),
    );
  }
  await settle();
  expect(await deadAfter(3_000)).toEqual([]);
  const left = children().filter(({ pid }) => !before.has(pid));
  // One analyser per pair the detections asked (hbs-eng, spa-eng, cat-eng, isl-eng and eng-spa's English).
  expect(left.filter(({ comm }) => comm !== 'lt-proc')).toEqual([]);
  expect(left.length).toBeLessThanOrEqual(codes.length);
}, 120_000);

test('idle resident analysers end and are waited for before serverless-offline ends the thread', async () => {
  const idleMs = 300;
  // The first test's analysers, still resident in this thread, are not the worker's.
  const before = new Set(children().map(({ pid }) => pid));
  // The worker reads TypeScript through tsx, as jest's transform does not reach it.
  const script = new URL('../../../test/support/translations-in-worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(script)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: { n: 20, idleMs } });
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  await worker.terminate();
  await settle();
  // tsx's own esbuild service, which the worker started to read TypeScript, is the harness's and not Apertium's.
  expect(children().filter(({ pid, comm }) => !before.has(pid) && comm !== 'esbuild')).toEqual([]);
}, 120_000);
