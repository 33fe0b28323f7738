/**
 * Apertium, the offline rule-based engine, as a TranslationEngine: through its command line
 * (Debian's `apertium` package and its language pairs) or through an APy server's HTTP API.
 * Apertium does not detect languages, so it is always handed a source, and names languages with
 * ISO 639-3 codes ("spa-eng") or, in older pairs, 639-1 ("eo-en"); the API speaks 639-1.
 */
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { AppError } from '../errors.ts';
import { requestDeadline, type DeadlineSource } from '../deadline.ts';
import { ANALYSER_GAPS } from './analyser-gaps.ts';
import { serbianToLatin } from './scripts.ts';
import { DEFAULT_TIMEOUT_MS, outOfTime, type EngineBatch, type TranslationEngine } from './translator.ts';

export const APERTIUM_PROVIDER = 'apertium';

/** How to reach Apertium: list its pairs ("spa-eng"), translate one text through pairs in turn, tell known words. */
interface ApertiumTransport {
  listPairs(): Promise<string[]>;
  /** The text through each pair in turn; with `markUnknown`, words a pair did not know come out as `*word`. */
  translate(text: string, pairs: readonly string[], markUnknown: boolean): Promise<string>;
  /** Share of the text's words the analyser of the pair's source language knows; undefined when it cannot tell. */
  knownWordShare(text: string, pair: string): Promise<number | undefined>;
}

// ISO 639-3 (and Apertium's macrolanguage hbs) to 639-1, for pairs that use three-letter codes.
const ISO_639_1: Record<string, readonly string[]> = {
  afr: ['af'], arg: ['an'], bel: ['be'], bre: ['br'], bul: ['bg'], cat: ['ca'], ces: ['cs'], cym: ['cy'],
  dan: ['da'], deu: ['de'], ell: ['el'], eng: ['en'], epo: ['eo'], est: ['et'], eus: ['eu'], fao: ['fo'], fin: ['fi'],
  fra: ['fr'], gle: ['ga'], glg: ['gl'], hbs: ['sr', 'hr', 'bs'], heb: ['he'], hin: ['hi'], isl: ['is'],
  ita: ['it'], kaz: ['kk'], lav: ['lv'], lit: ['lt'], mkd: ['mk'], mlt: ['mt'], nld: ['nl'], nno: ['nn'],
  nob: ['nb'], oci: ['oc'], pol: ['pl'], por: ['pt'], ron: ['ro'], rus: ['ru'], slk: ['sk'], slv: ['sl'],
  spa: ['es'], swe: ['sv'], tat: ['tt'], tur: ['tr'], ukr: ['uk'], urd: ['ur'],
};
const ENGLISH = 'en';
/** Languages tried first as the middle of a chain: the ones with the most pairs into them. */
const PIVOTS = ['es', 'ca'];
/** Scripts the pairs read, where not Latin; Serbian and Bosnian in Cyrillic are transliterated first. */
const SCRIPTS: Record<string, string[]> = {
  sr: ['Latn', 'Cyrl'], bs: ['Latn', 'Cyrl'], mk: ['Cyrl'], be: ['Cyrl'], bg: ['Cyrl'], kk: ['Cyrl'], ru: ['Cyrl'], tt: ['Cyrl'], uk: ['Cyrl'],
  el: ['Grek'], he: ['Hebr'], hi: ['Deva'], ur: ['Arab'],
};
/** The pair's source language in another script than the text's: converted before the pair runs. */
const TRANSLITERATE: Record<string, (text: string) => string> = { hbs: serbianToLatin };
const NAMES = new Intl.DisplayNames(['en'], { type: 'language' });

const codesOf = (apertiumCode: string): readonly string[] => (apertiumCode.length === 2 ? [apertiumCode] : (ISO_639_1[apertiumCode] ?? []));

/** How one language reaches English: the pairs to run in turn and the languages on the way. */
export interface ApertiumRoute {
  pairs: string[];
  route: string[];
}

/**
 * 639-1 source → how it reaches English, from a list of pair names: a pair into English, else a
 * pair into a language that has one (Spanish or Catalan first): "fr-es" then "spa-eng".
 */
export function routesIntoEnglish(pairs: readonly string[]): Map<string, ApertiumRoute> {
  // Only plain pairs: "spa-eng", "eo-en"; not variants such as "spa-eng_US", "oc_aran-es" or "eo-en-compounds".
  const plain = pairs.flatMap((pair) => {
    const match = /^([a-z]{2,3})-([a-z]{2,3})$/.exec(pair);
    return match ? [{ pair, from: codesOf(match[1]!), to: codesOf(match[2]!) }] : [];
  });
  const routes = new Map<string, ApertiumRoute>();
  for (const { pair, from, to } of plain) {
    if (!to.includes(ENGLISH)) continue;
    for (const code of from) if (!routes.has(code) && code !== ENGLISH) routes.set(code, { pairs: [pair], route: [code, ENGLISH] });
  }
  const direct = new Map(routes);
  const rank = (code: string) => (PIVOTS.includes(code) ? PIVOTS.indexOf(code) : PIVOTS.length);
  const chains = plain
    .flatMap(({ pair, from, to }) => to.filter((pivot) => direct.has(pivot)).map((pivot) => ({ pair, from, pivot })))
    .sort((a, b) => rank(a.pivot) - rank(b.pivot));
  for (const { pair, from, pivot } of chains) {
    const onward = direct.get(pivot)!;
    for (const code of from) {
      if (!routes.has(code) && code !== ENGLISH) routes.set(code, { pairs: [pair, ...onward.pairs], route: [code, pivot, ENGLISH] });
    }
  }
  return routes;
}

/** Apertium always knows what it translates from. */
export type ApertiumEngine = TranslationEngine & Required<Pick<TranslationEngine, 'supportedSources' | 'codeFor' | 'knownWordShares'>>;

interface InstalledPairs {
  routes: Map<string, ApertiumRoute>;
  /** A pair whose source is English, whose analyser tells English words. */
  fromEnglish: string | undefined;
}

function apertiumEngine(transport: ApertiumTransport): ApertiumEngine {
  let installed: Promise<InstalledPairs> | undefined;
  // Detection may translate one text from several languages at once; sr, hr and bs share hbs-eng,
  // so the same pipeline on the same text runs once.
  const running = new Map<string, Promise<string>>();
  const translate = (text: string, pairs: readonly string[], markUnknown: boolean) => {
    const key = `${pairs.join('+')}${markUnknown ? '*' : ''}\n${text}`;
    let output = running.get(key);
    if (!output) {
      output = transport.translate(text, pairs, markUnknown).finally(() => running.delete(key));
      running.set(key, output);
    }
    return output;
  };
  // Listed once per container; a failed listing is tried again on the next request.
  const pairsNow = () =>
    (installed ??= transport.listPairs().then(
      (pairs) => ({ routes: routesIntoEnglish(pairs), fromEnglish: pairs.find((pair) => /^(?:en|eng)-[a-z]{2,3}$/.test(pair)) }),
      (error: unknown) => {
        installed = undefined;
        throw error;
      },
    ));

  return {
    provider: APERTIUM_PROVIDER,
    detectsSource: false,
    // Each segment is its own process or request; a few run side by side.
    maxBatchSegments: 4,
    maxBatchChars: 20_000,
    async supportedSources() {
      return [...(await pairsNow()).routes.keys()].sort();
    },
    async languages() {
      return [...(await pairsNow()).routes].sort(([a], [b]) => a.localeCompare(b)).map(([code, { route }]) => ({
        code,
        name: NAMES.of(code) ?? code,
        ...(route.length > 2 && { route }),
        scripts: SCRIPTS[code] ?? ['Latn'],
      }));
    },
    async codeFor(tag) {
      // "pt-BR" is Portuguese, "sr-Latn" Serbian; three-letter codes as Apertium writes them ("spa").
      const primary = tag.split('-')[0]!.toLowerCase();
      const { routes } = await pairsNow();
      return codesOf(primary).find((code) => routes.has(code) || code === ENGLISH);
    },
    async knownWordShares(text, codes) {
      const { routes, fromEnglish } = await pairsNow();
      // One analyser run per pair: sr, hr and bs share hbs-eng's.
      const byPair = new Map<string, string[]>();
      for (const code of codes) {
        const pair = code === ENGLISH ? fromEnglish : routes.get(code)?.pairs[0];
        if (pair) byPair.set(pair, [...(byPair.get(pair) ?? []), code]);
      }
      const shares = new Map<string, number>();
      await Promise.all(
        [...byPair].map(async ([pair, sharing]) => {
          const share = await transport.knownWordShare(transliterated(text, pair), pair);
          if (share !== undefined) for (const code of sharing) shares.set(code, share);
        }),
      );
      return shares;
    },
    async translateBatch(segments: readonly string[], source: string | undefined): Promise<EngineBatch> {
      const found = source === undefined ? undefined : (await pairsNow()).routes.get(source);
      // The translation service checks support first; reaching this is a bug, not a request error.
      if (!found) throw new Error(`no Apertium route from ${String(source)} into English`);
      // Unknown words are counted by Apertium's `*` mark, unless the text has asterisks of its own:
      // then no count is given rather than a wrong one.
      let unknownWords: number | undefined = 0;
      const texts = await Promise.all(
        segments.map(async (segment) => {
          const input = transliterated(segment, found.pairs[0]!);
          const markUnknown = !input.includes(UNKNOWN_MARK);
          const output = await translate(input, found.pairs, markUnknown);
          unknownWords = markUnknown && unknownWords !== undefined ? unknownWords + countUnknown(output) : undefined;
          return removeMarks(output, input);
        }),
      );
      return {
        texts,
        sourceLanguage: source ?? null,
        ...(unknownWords !== undefined && { unknownWords }),
        ...(found.route.length > 2 && { route: found.route }),
      };
    },
  };
}

function transliterated(text: string, pair: string): string {
  const convert = TRANSLITERATE[pair.split('-')[0]!];
  return convert ? convert(text) : text;
}

const UNKNOWN_MARK = '*';
// A chain marks a word the first pair did not know again in the second: "**legir" is one word.
const UNKNOWN_WORD = /\*+(?=[\p{L}\p{N}])/gu;
const countUnknown = (output: string) => output.match(UNKNOWN_WORD)?.length ?? 0;

/**
 * Apertium marks unknown words with `*`, and may leave `#` (generation) and `@` (transfer) marks.
 * They are removed only where the input has no such character, so e-mail addresses, hashtags and
 * asterisks the user wrote are kept.
 */
function removeMarks(output: string, input: string): string {
  const marks = ['#', '@', '*'].filter((mark) => !input.includes(mark)).join('');
  return marks ? output.replace(new RegExp(`[${marks}]+(?=[\\p{L}\\p{N}])`, 'gu'), '') : output;
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

// ---- command line

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
  const budget = () => {
    const untilDeadline = (deadline() ?? Infinity) - Date.now();
    return { ms: Math.max(0, Math.min(timeoutMs, untilDeadline)), deadlineFirst: untilDeadline < timeoutMs };
  };
  const analysers = new Map<string, Promise<string[] | undefined>>();
  const residents = new Map<string, ResidentAnalyser>();
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
    async knownWordShare(text, pair) {
      let analyser = analysers.get(pair);
      if (!analyser) analysers.set(pair, (analyser = analyserOf(dataDir, pair)));
      const argv = await analyser;
      if (!argv) return undefined;
      let resident = residents.get(pair);
      if (!resident?.alive) residents.set(pair, (resident = new ResidentAnalyser(argv, analyserIdleMs)));
      // Undefined (the analyser failed or timed out): detection then goes by n-grams alone.
      const analysis = await resident.analyse(text, budget().ms);
      return analysis === undefined ? undefined : knownShare(analysis, ANALYSER_GAPS[pair]);
    },
  });
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

// Apertium's C++ stages abort on a locale the machine lacks (serverless-offline sets LANG to
// en_US.UTF-8, which a plain Debian does not have), and its script still exits 0: C.UTF-8 is always
// there. Read at each start, so a changed PATH is seen.
const apertiumEnv = () => ({ ...process.env, LC_ALL: 'C.UTF-8' });

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

/** `apertium -u PAIR | apertium -u NEXT`: the pairs stay arguments, never script. */
function pipeline(command: string, pairs: readonly string[], markUnknown: boolean) {
  const flag = markUnknown ? '' : ' -u';
  const stages = pairs.map((_, i) => `"$0"${flag} "$${i + 1}"`).join(' | ');
  return { script: stages, args: [command, ...pairs] };
}

/**
 * Runs `script` (positional arguments `args`) with the text on stdin, within `budget`: past it the
 * whole pipeline is killed, and answered as a timeout, or as out of time when the request's
 * deadline came first.
 */
function runPipeline(
  { script, args }: { script: string; args: readonly string[] },
  text: string,
  { ms: timeoutMs, deadlineFirst }: { ms: number; deadlineFirst: boolean },
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

// ---- APy server

export interface ApertiumApyOptions {
  /** Base URL of an APy server, e.g. http://localhost:2737 */
  url: string;
  timeoutMs?: number;
  /** The request's deadline (shared/deadline.ts), which ends a call sooner than timeoutMs when it comes first. */
  deadline?: DeadlineSource;
}

export function createApertiumApyEngine({ url, timeoutMs = DEFAULT_TIMEOUT_MS, deadline = requestDeadline }: ApertiumApyOptions): ApertiumEngine {
  const base = url.replace(/\/+$/, '');
  const call = async (path: string, init?: RequestInit): Promise<unknown> => {
    const untilDeadline = (deadline() ?? Infinity) - Date.now();
    if (untilDeadline <= 0) throw outOfTime('the Apertium server');
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(Math.min(timeoutMs, untilDeadline)) });
    } catch (error) {
      // By name: the DOMException may come from another realm (as under jest), so instanceof is unreliable.
      if ((error as { name?: unknown }).name === 'TimeoutError') {
        if (untilDeadline < timeoutMs) throw outOfTime('the Apertium server', error);
        throw new AppError('UPSTREAM_TIMEOUT', `the Apertium server did not answer within ${timeoutMs} ms; try again later`, {}, error);
      }
      const code = (error as { cause?: { code?: unknown } }).cause?.code;
      throw new AppError('UPSTREAM_FAILED', `Could not reach the Apertium server${typeof code === 'string' ? ` (${code})` : ''}; try again later`, {}, error);
    }
    const body = await response.json().catch(() => undefined);
    const status = (body as { responseStatus?: unknown } | undefined)?.responseStatus;
    if (!response.ok || (typeof status === 'number' && status !== 200)) {
      const details = (body as { message?: unknown; explanation?: unknown } | undefined) ?? {};
      throw new AppError(
        'UPSTREAM_FAILED',
        `the Apertium server answered with an error (HTTP ${response.status}); try again later`,
        {},
        new Error(`APy ${path.split('?')[0]}: ${String(details.explanation ?? details.message ?? response.statusText)}`),
      );
    }
    return body;
  };

  return apertiumEngine({
    async listPairs() {
      const body = (await call('/listPairs')) as { responseData?: Array<{ sourceLanguage?: unknown; targetLanguage?: unknown }> };
      return (body.responseData ?? []).map(({ sourceLanguage, targetLanguage }) => `${String(sourceLanguage)}-${String(targetLanguage)}`);
    },
    async translate(text, pairs, markUnknown) {
      let current = text;
      for (const pair of pairs) {
        const form = new URLSearchParams({ langpair: pair.replace('-', '|'), q: current, markUnknown: markUnknown ? 'yes' : 'no' });
        const body = (await call('/translate', { method: 'POST', body: form })) as { responseData?: { translatedText?: unknown } };
        const translated = body.responseData?.translatedText;
        if (typeof translated !== 'string') throw new AppError('UPSTREAM_FAILED', 'the Apertium server answered without a translation; try again later');
        current = translated;
      }
      return current;
    },
    async knownWordShare(text, pair) {
      // APy's coverage of the pair's source language; an older server without it leaves detection to n-grams.
      const form = new URLSearchParams({ lang: pair.split('-')[0]!, q: text });
      const body = await call('/calcCoverage', { method: 'POST', body: form }).catch(() => undefined);
      const share = Array.isArray(body) ? body[0] : undefined;
      return typeof share === 'number' && share >= 0 && share <= 1 ? share : undefined;
    },
  });
}
