/**
 * Apertium's code tables, and how each language reaches English through the installed pairs.
 * Pairs name languages with ISO 639-3 codes ("spa-eng") or, in older pairs, 639-1 ("eo-en");
 * the API speaks 639-1.
 */
import { serbianToLatin } from '../writing-systems.ts';

// ISO 639-3 (and Apertium's macrolanguage hbs) to 639-1, for pairs that use three-letter codes.
const ISO_639_1: Record<string, readonly string[]> = {
  afr: ['af'], arg: ['an'], bel: ['be'], bre: ['br'], bul: ['bg'], cat: ['ca'], ces: ['cs'], cym: ['cy'],
  dan: ['da'], deu: ['de'], ell: ['el'], eng: ['en'], epo: ['eo'], est: ['et'], eus: ['eu'], fao: ['fo'], fin: ['fi'],
  fra: ['fr'], gle: ['ga'], glg: ['gl'], hbs: ['sr', 'hr', 'bs'], heb: ['he'], hin: ['hi'], isl: ['is'],
  ita: ['it'], kaz: ['kk'], lav: ['lv'], lit: ['lt'], mkd: ['mk'], mlt: ['mt'], nld: ['nl'], nno: ['nn'],
  nob: ['nb'], oci: ['oc'], pol: ['pl'], por: ['pt'], ron: ['ro'], rus: ['ru'], slk: ['sk'], slv: ['sl'],
  spa: ['es'], swe: ['sv'], tat: ['tt'], tur: ['tr'], ukr: ['uk'], urd: ['ur'],
};
export const ENGLISH = 'en';
/** Languages tried first as the middle of a chain: the ones with the most pairs into them. */
const PIVOTS = ['es', 'ca'];
/** Scripts the pairs read, where not Latin; Serbian and Bosnian in Cyrillic are transliterated first. */
const SCRIPTS: Record<string, string[]> = {
  sr: ['Latn', 'Cyrl'], bs: ['Latn', 'Cyrl'], mk: ['Cyrl'], be: ['Cyrl'], bg: ['Cyrl'], kk: ['Cyrl'], ru: ['Cyrl'], tt: ['Cyrl'], uk: ['Cyrl'],
  el: ['Grek'], he: ['Hebr'], hi: ['Deva'], ur: ['Arab'],
};
/** The pair's source language in another script than the text's: converted before the pair runs. */
const TRANSLITERATE: Record<string, (text: string) => string> = { hbs: serbianToLatin };

/** The 639-1 codes of an Apertium code: "spa" is es, "hbs" sr, hr and bs. */
export const codesOf = (apertiumCode: string): readonly string[] => (apertiumCode.length === 2 ? [apertiumCode] : (ISO_639_1[apertiumCode] ?? []));

/** The scripts the pairs from a 639-1 language read. */
export const scriptsRead = (code: string): string[] => SCRIPTS[code] ?? ['Latn'];

/** The text in the script the pair reads. */
export function transliterated(text: string, pair: string): string {
  const convert = TRANSLITERATE[pair.split('-')[0]!];
  return convert ? convert(text) : text;
}

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
