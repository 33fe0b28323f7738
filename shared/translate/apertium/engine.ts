/**
 * Apertium, the offline rule-based engine, as a TranslationEngine over a transport: its command
 * line (command-line.ts) or an APy server (apy.ts). Apertium does not detect languages, so it is
 * always handed a source.
 */
import { languageName } from '../../text/language-name.ts';
import type { EngineBatch, TranslationEngine } from '../translator.ts';
import { codesOf, ENGLISH, routesIntoEnglish, scriptsRead, transliterated, type ApertiumRoute } from './routes.ts';

export const APERTIUM_PROVIDER = 'apertium';

/** How to reach Apertium: list its pairs ("spa-eng"), translate one text through pairs in turn, tell known words. */
export interface ApertiumTransport {
  listPairs(): Promise<string[]>;
  /** The text through each pair in turn; with `markUnknown`, words a pair did not know come out as `*word`. */
  translate(text: string, pairs: readonly string[], markUnknown: boolean): Promise<string>;
  /** Share of the text's words the analyser of the pair's source language knows; undefined when it cannot tell. */
  knownWordShare(text: string, pair: string): Promise<number | undefined>;
}

/** Apertium always knows what it translates from. */
export type ApertiumEngine = TranslationEngine & Required<Pick<TranslationEngine, 'supportedSources' | 'codeFor' | 'knownWordShares'>>;

interface InstalledPairs {
  routes: Map<string, ApertiumRoute>;
  /** A pair whose source is English, whose analyser tells English words. */
  fromEnglish: string | undefined;
}

export function apertiumEngine(transport: ApertiumTransport): ApertiumEngine {
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
        name: languageName(code),
        ...(route.length > 2 && { route }),
        scripts: scriptsRead(code),
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
