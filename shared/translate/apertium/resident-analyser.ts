/**
 * How much of a text a language's dictionary knows: its analyser (the first stage of a pair) kept
 * running per pair while detections keep coming, and its stream read word by word.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ANALYSER_GAPS } from './analyser-gaps.ts';
import { apertiumEnv } from './child-env.ts';

/**
 * Share of a text's words each pair's analyser knows, one resident analyser per pair (started when
 * first asked for, and again after it ended), within `timeoutMs()` as it is when the text is sent.
 * Undefined when the pair has no analyser, or it failed or timed out: detection then goes by
 * n-grams alone.
 */
export function residentAnalysers(dataDir: string, idleMs: number) {
  const analysers = new Map<string, Promise<string[] | undefined>>();
  const residents = new Map<string, ResidentAnalyser>();
  return async function knownWordShare(text: string, pair: string, timeoutMs: () => number): Promise<number | undefined> {
    let analyser = analysers.get(pair);
    if (!analyser) analysers.set(pair, (analyser = analyserOf(dataDir, pair)));
    const argv = await analyser;
    if (!argv) return undefined;
    let resident = residents.get(pair);
    if (!resident?.alive) residents.set(pair, (resident = new ResidentAnalyser(argv, idleMs)));
    const analysis = await resident.analyse(text, timeoutMs());
    return analysis === undefined ? undefined : knownShare(analysis, ANALYSER_GAPS[pair]);
  };
}

/**
 * Share of words the analyser knows, from its stream: `^word/lemma<tags>$` known, `^word/*word$`
 * not, unless it is one of the everyday words the analyser is known to lack (`gaps`, lower case).
 */
export function knownShare(analysis: string, gaps: readonly string[] = []): number | undefined {
  let words = 0;
  let known = 0;
  for (const [, surface, analyses] of analysis.matchAll(/\^((?:\\.|[^/$\\])*)\/((?:\\.|[^$\\])*)\$/g)) {
    if (!/\p{L}/u.test(surface!)) continue;
    words++;
    if (!analyses!.startsWith('*') || gaps.includes(surface!.toLowerCase())) known++;
  }
  return words === 0 ? undefined : known / words;
}

/**
 * The analyser of a pair's source language: the first stage of its mode file, e.g.
 * `lt-proc -w '/usr/share/apertium/apertium-eng-spa/spa-eng.automorf.bin'`, as an argv.
 */
async function analyserOf(dataDir: string, pair: string): Promise<string[] | undefined> {
  const mode = await readFile(join(dataDir, 'modes', `${pair}.mode`), 'utf8').catch(() => '');
  const match = /^\s*((?:lt|hfst)-proc)((?:\s+-[a-z]+)*)\s+'([^']+)'\s*(?:\||$)/.exec(mode);
  return match ? [match[1]!, ...match[2]!.split(/\s+/).filter(Boolean), match[3]!] : undefined;
}

// Characters of Apertium's stream format, escaped so the user's text is only text to the analyser
// (an unclosed "[" would otherwise open a blank that swallows the end of the text).
const STREAM_SPECIAL = /[\\[\]^$/@<>{}]/g;

/**
 * One analyser process per pair while detections keep coming (`lt-proc -z`: each text ends with a
 * NUL and its analysis comes back ending with one), so detection pays for loading the dictionary
 * once rather than on every request. A process that fails, times out or has been idle `idleMs` is
 * ended; the next request starts another. Neither the process nor its pipes keep Node alive once
 * no analysis is awaited.
 */
class ResidentAnalyser {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting: Array<(analysis: string | undefined) => void> = [];
  private received = '';
  private idle: NodeJS.Timeout | undefined;
  alive = true;

  constructor([program, ...args]: readonly string[], private readonly idleMs: number) {
    this.child = spawn(program!, ['-z', ...args], { env: apertiumEnv() });
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => {
      this.received += chunk;
      for (let end = this.received.indexOf('\0'); end >= 0; end = this.received.indexOf('\0')) {
        const analysis = this.received.slice(0, end);
        this.received = this.received.slice(end + 1);
        this.waiting.shift()?.(analysis);
      }
      if (this.waiting.length === 0) this.endWhenIdle();
    });
    const end = () => {
      this.alive = false;
      clearTimeout(this.idle);
      for (const answer of this.waiting.splice(0)) answer(undefined);
    };
    this.child.on('error', end);
    this.child.on('exit', end);
    this.child.stdin.on('error', end);
    this.child.stderr.resume();
    this.child.unref();
    for (const stream of [this.child.stdin, this.child.stdout, this.child.stderr]) (stream as unknown as { unref?(): void }).unref?.();
  }

  /** Closing stdin ends lt-proc, which the 'exit' handler then sees; the timer keeps no one waiting. */
  private endWhenIdle() {
    clearTimeout(this.idle);
    this.idle = setTimeout(() => {
      this.alive = false;
      this.child.stdin.end();
    }, this.idleMs);
    this.idle.unref();
  }

  analyse(text: string, timeoutMs: number): Promise<string | undefined> {
    if (!this.alive) return Promise.resolve(undefined);
    clearTimeout(this.idle);
    return new Promise((resolve) => {
      // The timer keeps Node waiting for the answer, and ends a process that stopped answering.
      const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
      this.waiting.push((analysis) => {
        clearTimeout(timer);
        resolve(analysis);
      });
      this.child.stdin.write(`${text.replace(/\0/g, ' ').replace(STREAM_SPECIAL, '\\$&')}\0`);
    });
  }
}
