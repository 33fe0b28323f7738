/**
 * Whether a segmenter is linear in its input: the same text cut into pieces of each length, so every
 * length segments the same characters and only the piece size differs (the first 1,000 characters of
 * a text are not typical of the rest). CPU time of this process, not the wall clock, because the
 * machine is shared: waiting for a core is not work. The least over interleaved rounds, with a full
 * garbage collection before each, so no length pays for the garbage the one before it left.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

export function microsPerCharByLength(segment: (text: string) => string, source: string, lengths: readonly number[], rounds: number): number[] {
  const total = Math.max(...lengths);
  const text = source.repeat(Math.ceil(total / source.length)).slice(0, total);
  const pieces = lengths.map((length) => Array.from({ length: Math.ceil(total / length) }, (_, k) => text.slice(k * length, (k + 1) * length)));
  const best = lengths.map(() => Infinity);
  for (let round = 0; round < rounds; round++) {
    pieces.forEach((cut, k) => {
      collectGarbage();
      const started = process.cpuUsage();
      for (const piece of cut) segment(piece);
      const { user, system } = process.cpuUsage(started);
      best[k] = Math.min(best[k]!, (user + system) / total);
    });
  }
  return best;
}
