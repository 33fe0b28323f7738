/**
 * Writing systems: which script a text is written in (to refuse text no engine pair reads, and to
 * tell an answer still in the source's script from English), letters only a few languages write,
 * and Serbian Cyrillic to Latin, the script Apertium's hbs-eng pair reads.
 */

/** ISO 15924 codes of the scripts told apart; letters of any other script count as 'Zyyy' (other). */
const SCRIPTS: ReadonlyArray<[string, RegExp]> = [
  ['Latn', /\p{Script=Latin}/u],
  ['Cyrl', /\p{Script=Cyrillic}/u],
  ['Grek', /\p{Script=Greek}/u],
  ['Arab', /\p{Script=Arabic}/u],
  ['Hebr', /\p{Script=Hebrew}/u],
  ['Hani', /\p{Script=Han}/u],
  ['Jpan', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Hang', /\p{Script=Hangul}/u],
  ['Deva', /\p{Script=Devanagari}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Armn', /\p{Script=Armenian}/u],
  ['Geor', /\p{Script=Georgian}/u],
];

export const SCRIPT_NAMES: Record<string, string> = {
  Latn: 'Latin', Cyrl: 'Cyrillic', Grek: 'Greek', Arab: 'Arabic', Hebr: 'Hebrew', Hani: 'Han (Chinese)', Jpan: 'Japanese kana',
  Hang: 'Hangul', Deva: 'Devanagari', Thai: 'Thai', Armn: 'Armenian', Geor: 'Georgian', Zyyy: 'another',
};

/** Letters per script. */
export function scriptCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const char of text.match(/\p{L}/gu) ?? []) {
    const script = SCRIPTS.find(([, pattern]) => pattern.test(char))?.[0] ?? 'Zyyy';
    counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  return counts;
}

/** The script most of the text's letters are in, or null when it has no letters. */
export function dominantScript(text: string): string | null {
  let best: string | null = null;
  let most = 0;
  for (const [script, count] of scriptCounts(text)) {
    if (count > most) [best, most] = [script, count];
  }
  return best;
}

/** Share of the letters in `script` (0 when there are no letters). */
export function scriptShare(text: string, script: string): number {
  const counts = scriptCounts(text);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return total === 0 ? 0 : (counts.get(script) ?? 0) / total;
}

// Serbian Cyrillic has one Latin letter or digraph per letter (Vuk's alphabet, as Gaj's Latin).
const SERBIAN_LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ђ: 'đ', е: 'e', ж: 'ž', з: 'z', и: 'i', ј: 'j', к: 'k', л: 'l', љ: 'lj', м: 'm',
  н: 'n', њ: 'nj', о: 'o', п: 'p', р: 'r', с: 's', т: 't', ћ: 'ć', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'č', џ: 'dž', ш: 'š',
};

/** Serbian Cyrillic to Latin; other characters are kept. "Љубав" → "Ljubav", "ЉУБАВ" → "LJUBAV". */
export function serbianToLatin(text: string): string {
  return text.replace(/[\u0400-\u04FF]/g, (char, offset: number) => {
    const lower = char.toLowerCase();
    const latin = SERBIAN_LATIN[lower];
    if (latin === undefined) return char;
    if (char === lower) return latin;
    // A capital digraph stays all capitals inside an all-capitals word: "ЉУБАВ" → "LJUBAV".
    const next = text[offset + 1];
    const allCaps = next !== undefined && next !== next.toLowerCase();
    return allCaps ? latin.toUpperCase() : latin[0]!.toUpperCase() + latin.slice(1);
  });
}

/**
 * Letters that only these languages write (ISO 639-1): ђ and ћ Serbian (and Bosnian in Cyrillic,
 * the same alphabet), ѓ, ќ and ѕ Macedonian, þ Icelandic, ð Icelandic and Faroese.
 */
const LETTER_WRITERS: ReadonlyArray<[RegExp, readonly string[]]> = [
  [/[ђћЂЋ]/u, ['sr', 'bs']],
  [/[ѓќѕЃЌЅ]/u, ['mk']],
  [/[þÞ]/u, ['is']],
  [/[ðÐ]/u, ['is', 'fo']],
];

/** The only languages that write every such letter the text has; undefined when it has none. */
export function writersOfLetters(text: string): string[] | undefined {
  let writers: string[] | undefined;
  for (const [letters, languages] of LETTER_WRITERS) {
    if (letters.test(text)) writers = writers ? writers.filter((code) => languages.includes(code)) : [...languages];
  }
  return writers;
}
