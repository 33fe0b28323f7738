/**
 * Apertium, the offline rule-based engine, as a TranslationEngine: through its command line
 * (Debian's `apertium` package and its language pairs) or through an APy server's HTTP API.
 * Apertium does not detect languages, so it is always handed a source, and names languages with
 * ISO 639-3 codes ("spa-eng") or, in older pairs, 639-1 ("eo-en"); the API speaks 639-1.
 */
import { execFile, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { AppError } from '../errors.ts';
import { DEFAULT_TIMEOUT_MS, type EngineBatch, type TranslationEngine } from './translator.ts';

export const APERTIUM_PROVIDER = 'apertium';

/** How to reach Apertium: list its pairs ("spa-eng") and translate one text with one of them. */
interface ApertiumTransport {
  listPairs(): Promise<string[]>;
  translate(text: string, pair: string): Promise<string>;
}

// ISO 639-3 (and Apertium's macrolanguage hbs) to 639-1, for pairs that use three-letter codes.
const ISO_639_1: Record<string, readonly string[]> = {
  afr: ['af'], arg: ['an'], bel: ['be'], bre: ['br'], bul: ['bg'], cat: ['ca'], ces: ['cs'], cym: ['cy'],
  dan: ['da'], deu: ['de'], ell: ['el'], epo: ['eo'], est: ['et'], eus: ['eu'], fao: ['fo'], fin: ['fi'],
  fra: ['fr'], gle: ['ga'], glg: ['gl'], hbs: ['sr', 'hr', 'bs'], heb: ['he'], hin: ['hi'], isl: ['is'],
  ita: ['it'], kaz: ['kk'], lav: ['lv'], lit: ['lt'], mkd: ['mk'], mlt: ['mt'], nld: ['nl'], nno: ['nn'],
  nob: ['nb'], oci: ['oc'], pol: ['pl'], por: ['pt'], ron: ['ro'], rus: ['ru'], slk: ['sk'], slv: ['sl'],
  spa: ['es'], swe: ['sv'], tat: ['tt'], tur: ['tr'], ukr: ['uk'], urd: ['ur'],
};

/** 639-1 source → the pair into English that translates it, from a list of pair names. */
export function pairsIntoEnglish(pairs: readonly string[]): Map<string, string> {
  const bySource = new Map<string, string>();
  for (const pair of pairs) {
    // Only plain pairs: "spa-eng", "eo-en"; not variants such as "spa-eng_US" or "eo-en-compounds".
    const match = /^([a-z]{2,3})-(?:en|eng)$/.exec(pair);
    if (!match) continue;
    const source = match[1]!;
    for (const code of source.length === 2 ? [source] : (ISO_639_1[source] ?? [])) {
      if (!bySource.has(code)) bySource.set(code, pair);
    }
  }
  return bySource;
}

/** Apertium always knows what it translates from. */
export type ApertiumEngine = TranslationEngine & Required<Pick<TranslationEngine, 'supportedSources'>>;

function apertiumEngine(transport: ApertiumTransport): ApertiumEngine {
  let pairs: Promise<Map<string, string>> | undefined;
  // Listed once per container; a failed listing is tried again on the next request.
  const pairsBySource = () =>
    (pairs ??= transport.listPairs().then(pairsIntoEnglish, (error: unknown) => {
      pairs = undefined;
      throw error;
    }));

  return {
    provider: APERTIUM_PROVIDER,
    detectsSource: false,
    // Each segment is its own process or request; a few run side by side.
    maxBatchSegments: 4,
    maxBatchChars: 20_000,
    async supportedSources() {
      return [...(await pairsBySource()).keys()].sort();
    },
    async translateBatch(segments: readonly string[], source: string | undefined): Promise<EngineBatch> {
      const pair = source === undefined ? undefined : (await pairsBySource()).get(source);
      // The translation service checks support first; reaching this is a bug, not a request error.
      if (!pair) throw new Error(`no Apertium pair from ${String(source)} into English`);
      const texts = await Promise.all(segments.map(async (segment) => removeMarks(await transport.translate(segment, pair), segment)));
      return { texts, sourceLanguage: source ?? null };
    },
  };
}

/**
 * `-u` / markUnknown=no drop the `*` before unknown words; `#` (generation) and `@` (transfer)
 * marks may remain. They are removed only where the input has no such character, so e-mail
 * addresses and hashtags the user wrote are kept.
 */
function removeMarks(output: string, input: string): string {
  const marks = ['#', '@'].filter((mark) => !input.includes(mark)).join('');
  return marks ? output.replace(new RegExp(`[${marks}](?=[\\p{L}\\p{N}])`, 'gu'), '') : output;
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
}

export function createApertiumCliEngine({ command, timeoutMs = DEFAULT_TIMEOUT_MS }: ApertiumCliOptions): ApertiumEngine {
  return apertiumEngine({
    async listPairs() {
      try {
        const { stdout } = await promisify(execFile)(command, ['-l'], { timeout: timeoutMs });
        return stdout.split('\n').map((line) => line.trim()).filter(Boolean);
      } catch (error) {
        throw new AppError('UPSTREAM_FAILED', 'Could not list the installed Apertium language pairs; check the apertium installation', {}, error);
      }
    },
    translate: (text, pair) => runApertium(command, pair, text, timeoutMs),
  });
}

/** One `apertium -u PAIR` run; the text goes through stdin, never into a command line. */
function runApertium(command: string, pair: string, text: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    // apertium reads /dev/stdin by path, which cannot be opened when stdin is Node's socket pair:
    // `cat` turns it into a real pipe. The text and the pair stay arguments and data, never script.
    // Its own process group, so a timeout ends the whole pipeline.
    // Apertium's C++ stages abort on a locale the machine lacks (serverless-offline sets LANG to
    // en_US.UTF-8, which a plain Debian does not have), and its script still exits 0: C.UTF-8 is always there.
    const env = { ...process.env, LC_ALL: 'C.UTF-8' };
    const child = spawn('/bin/sh', ['-c', 'cat | "$0" -u "$1"', command, pair], { stdio: ['pipe', 'pipe', 'pipe'], detached: true, env });
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
      finish(new AppError('UPSTREAM_TIMEOUT', `Apertium did not answer within ${timeoutMs} ms; try again later`, {}, new Error(`apertium ${pair} timed out`)));
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
      finish(new AppError('UPSTREAM_FAILED', `Apertium failed (${why}); try again later`, {}, new Error(`apertium ${pair}: ${detail}`)));
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
}

export function createApertiumApyEngine({ url, timeoutMs = DEFAULT_TIMEOUT_MS }: ApertiumApyOptions): ApertiumEngine {
  const base = url.replace(/\/+$/, '');
  const call = async (path: string, init?: RequestInit): Promise<unknown> => {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      // By name: the DOMException may come from another realm (as under jest), so instanceof is unreliable.
      if ((error as { name?: unknown }).name === 'TimeoutError') {
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
    async translate(text, pair) {
      const form = new URLSearchParams({ langpair: pair.replace('-', '|'), q: text, markUnknown: 'no' });
      const body = (await call('/translate', { method: 'POST', body: form })) as { responseData?: { translatedText?: unknown } };
      const translated = body.responseData?.translatedText;
      if (typeof translated !== 'string') throw new AppError('UPSTREAM_FAILED', 'the Apertium server answered without a translation; try again later');
      return translated;
    },
  });
}
