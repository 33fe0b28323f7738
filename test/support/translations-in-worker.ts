/**
 * Run in a worker thread, as serverless-offline runs a function: `n` detections and translations
 * through Apertium's command line, then waits until its resident analysers have been idle long
 * enough to end, and says so; the test then ends the thread as serverless-offline ends an idle one.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createApertiumCliEngine, findApertiumCommand } from '../../shared/translate/apertium/index.ts';

const { n, idleMs } = workerData as { n: number; idleMs: number };
const engine = createApertiumCliEngine({ command: findApertiumCommand(process.env.PATH)!, analyserIdleMs: idleMs });
for (let i = 0; i < n; i++) {
  await engine.knownWordShares(`El perro come ${i}`, ['es', 'ca', 'is']);
  await engine.translateBatch([`El perro come ${i}`], 'es');
}
await new Promise((resolve) => setTimeout(resolve, idleMs + 500));
parentPort!.postMessage('done');
