import type nspell from 'nspell';
import { PAIR_COUNT_FLOOR } from '../word-model.ts';
import { CandidateIndex } from './candidate-index.ts';
import { CandidateShortlists, EDIT_WEIGHT } from './candidate-shortlists.ts';
import { loadDictionary } from './dictionary.ts';
import { ErrorModel } from './error-model.ts';
import { modalOfCorrections } from './context/modal-of.ts';
import { RealWordModel } from './context/real-words.ts';
import { KnownWords } from './known-words.ts';
import { LanguageModel } from './language-model.ts';
import { casePattern, fold, restoreCase } from './case-pattern.ts';
import { CORRECT, LATIN_WORD, MISSPELLED, OTHER_SCRIPT, checkedWords, type Word } from './checked-words.ts';
import { confidence, roundConfidence } from './confidence.ts';
import { SHORTLIST } from './ranking.ts';
import { CONTEXT_WEIGHT, FUNCTION_WORDS, bestSplit } from './run-together.ts';
import { builtSpellData, type SpellData } from './spell-data.ts';
import { ACRONYM, INNER_CAPITAL, PLAIN, SENTENCE_START, isCalendarWord, isCapitalisedCommonWord, isFragment, isElision, isShouting, isTransposition, plausibleChange, wordShape } from './word-shape.ts';
import { ALL_VARIANTS, VARIANTS, parseVariantMasks, respellings, variantBit, variantsOf } from './variants.ts';
import type { Correction, Flag, FlagReason, SpellChecker, SpellOptions, SpellResult } from './spell-types.ts';

const MAX_ALTERNATIVES = 5;
// Splitting a word in two (alot → a lot) costs half an edit; only words of this many letters.
const SPLIT_COST = 0.5;
const MIN_SPLIT = 4;
// ln-probability a candidate loses, for another variant's word, when it is not the word's spelling in
// the target variant: enough that no context puts it first (a litre of → liter, not litter).
const NOT_A_COUNTERPART = 30;
// A rough share of a noun's occurrences that are its possessive ('s): about one in a hundred.
const POSSESSIVE_SHARE = 0.01;

// `of` after a modal and before a verb is `have` nearly always; no model scores it, so a fixed value.
const MODAL_OF_CONFIDENCE = 0.95;

// ln-score of keeping an unknown word as written, against the candidates' ln P(word) − edit costs:
// lower case, and capitalised (at a sentence's start, where names are as common as slips); a word
// listed outside the dictionary (jargon.txt) is kept. Chosen on the tuning halves (docs/spelling.md, What it leaves alone).
const UNLISTED_WORD = -30;
const UNLISTED_NAME = -19;
const KNOWN_ELSEWHERE = 0;
// ln-probability a counted word gains as written (miliary stays though military is one dropped letter away).
const COUNTED_AS_WRITTEN = 1;
const DERIVED_WORD = -15;
// Weaker: a possessive without its apostrophe (todays) looks the same. A word WordNet has (harpooneer) as likely.
const PLURAL_WORD = -18;
const WORDNET_WORD = -18;
// Replace only when the best suggestion holds at least this share of the probability.
const MIN_CONFIDENCE = 0.3;
// ln-probability a capitalised candidate loses for a lower-case word, as much as an edit: a writer
// who types a name in lower case is rare (harras → harass, not Harris; geniva → Geneva still).
const NAME_FOR_LOWER_CASE = EDIT_WEIGHT;
// What a plain misspelling's one slip may cost in the error model: one plain edit (see plainSlip()).
const ONE_SLIP = 1;
// A capitalised word inside a sentence is corrected only when two letters were swapped (Jhon) and it is likely.
const NAME_CONFIDENCE = 0.65;

const POSSESSIVE = /['’]s$/iu;
const POSSESSIVE_WITHOUT_APOSTROPHE = /[^'’s]s$/iu;

type Nspell = ReturnType<typeof nspell>;

const NONE: ReadonlySet<number> = new Set();

class ContextSpellChecker implements SpellChecker {
  // The current call's variants: those whose words count as correct, and the one suggestions come from.
  private accept = ALL_VARIANTS;
  private target = ALL_VARIANTS;
  // Per suggestion of the current suggest(): its score in context, and their order.
  private readonly totals = new Float64Array(SHORTLIST + 2);
  private readonly ranked = new Int32Array(SHORTLIST + 2);

  constructor(
    private readonly spell: Nspell,
    private readonly model: LanguageModel,
    private readonly shortlists: CandidateShortlists,
    private readonly known: KnownWords,
    private readonly variantsText: string,
    private readonly errors: ErrorModel,
    private readonly realWords: RealWordModel,
  ) {}

  // The forms not every variant has, parsed when a text first needs them rather than at cold start.
  private maskMap: ReadonlyMap<string, number> | undefined;
  private get masks(): ReadonlyMap<string, number> {
    this.maskMap ??= parseVariantMasks(this.variantsText);
    return this.maskMap;
  }

  correct(text: string, options: SpellOptions = {}): SpellResult {
    const language = options.language ?? 'en';
    this.accept = language === 'en' ? ALL_VARIANTS : variantBit(language);
    const words = checkedWords(text, { model: this.model, known: this.known, accept: this.accept, accepts: (word) => this.accepts(word, this.accept) });
    this.target = language !== 'en' ? this.accept : words.some((word) => word.check === MISSPELLED) ? this.variantOf(words) : variantBit('en-US');
    const ignore = new Set(options.ignore?.map(fold));
    const inForeignSpan = (offset: number) => options.foreign?.some(([start, end]) => offset >= start && offset < end) ?? false;
    // Read on the first misspelled word: most texts have none.
    let shouting: boolean | undefined;
    const corrections: Correction[] = [];
    const flags: Flag[] = [];
    // How often each misspelled word is typed: one typed twice is on purpose more often than a slip.
    const typed = new Map<string, number>();
    for (const word of words) {
      if (word.check !== MISSPELLED) continue;
      const key = fold(word.text);
      typed.set(key, (typed.get(key) ?? 0) + 1);
    }
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      if (word.check === CORRECT || ignore.has(fold(word.text))) continue;
      const flag = (reason: FlagReason, alternatives: string[] = []) => flags.push({ offset: word.offset, length: word.text.length, original: word.text, reason, alternatives });
      if (inForeignSpan(word.offset)) {
        flag('other-language');
        continue;
      }
      if (word.check !== MISSPELLED) {
        flag(word.check === OTHER_SCRIPT ? 'other-language' : 'ignored');
        continue;
      }
      const shape = this.nameAtStart(words, i, wordShape(text, words, i, (shouting ??= isShouting(text))));
      const previous = word.joined ? (words[i - 1]?.id ?? -1) : -1;
      const next = words[i + 1]?.joined ? words[i + 1]!.id : -1;
      // Another variant's spellings (colour in en-US) are no candidates, and are not kept as written.
      // In `en` every variant's words are correct, so a word here is none (no call to nspell).
      const foreign = this.accept !== ALL_VARIANTS && this.spell.correct(word.text) ? variantsOf(this.masks, word.text) : 0;
      // Another variant's word is replaced only by its spelling in the target variant (colour → color);
      // one with none there (cheque, kerb) is another word, offered and not replaced.
      const counterparts = foreign ? this.counterparts(word.text) : NONE;
      const keep = this.keepScore(word.text, shape, foreign !== 0);
      const { suggestions, confidence } = this.suggest(word.text, previous, next, keep, counterparts);
      const [replacement, ...alternatives] = suggestions;
      // A lower-case word the dictionary has only capitalised (redis, england) is a correct word, not re-cased.
      const cased = foreign ? undefined : this.casedForm(word.text);
      if (shape === ACRONYM) flag('acronym', suggestions.slice(0, MAX_ALTERNATIVES));
      // A capitalised word inside a sentence is a name, unless two of its letters were swapped or it is
      // a slip for a day or a month (Thursdy).
      else if (shape === INNER_CAPITAL && !(replacement !== undefined && ((confidence >= NAME_CONFIDENCE && isTransposition(word.text, replacement)) || (confidence >= MIN_CONFIDENCE && isCalendarWord(replacement))))) flag('name', suggestions.slice(0, MAX_ALTERNATIVES));
      else if (cased !== undefined) flag('uncertain', [cased, ...suggestions.filter((s) => s !== cased)].slice(0, MAX_ALTERNATIVES));
      else if (replacement === undefined) flag('unknown');
      else if (foreign && !counterparts.has(this.model.id(replacement))) flag('uncertain', suggestions.slice(0, MAX_ALTERNATIVES));
      else if (isElision(text, word.offset, word.text, replacement) || isFragment(text, word.offset, word.text) || !this.sure(word.text, shape, replacement, confidence, keep, typed.get(fold(word.text))! > 1)) flag('uncertain', suggestions.slice(0, MAX_ALTERNATIVES));
      else corrections.push({ offset: word.offset, length: word.text.length, original: word.text, replacement, alternatives, confidence: roundConfidence(confidence), kind: 'spelling' });
    }

    const judged = (offset: number, original: string) => !inForeignSpan(offset) && !ignore.has(fold(original));
    const modalOf = modalOfCorrections(words).filter((modal) => judged(modal.offset, modal.original));
    for (const modal of modalOf) corrections.push({ ...modal, alternatives: [], confidence: MODAL_OF_CONFIDENCE, kind: 'context' });
    const inContext = this.realWords.review(
      words,
      (i) => words[i]!.check === CORRECT && !words[i]!.part && judged(words[i]!.offset, words[i]!.text) && !modalOf.some((modal) => modal.offset === words[i]!.offset),
      (form) => this.accepts(form, this.target),
    );
    corrections.push(...inContext.corrections);
    flags.push(...inContext.flags);
    flags.sort((a, b) => a.offset - b.offset);
    corrections.sort((a, b) => a.offset - b.offset);

    let output = '';
    let from = 0;
    for (const c of corrections) {
      output += text.slice(from, c.offset) + c.replacement;
      from = c.offset + c.length;
    }
    return { output: output + text.slice(from), corrections, flags, language, variant: VARIANTS[Math.log2(this.target)]! };
  }

  /**
   * Whether the best suggestion is sure enough to replace the word: likely against the others and
   * against keeping the word, or a plain slip (see plainSlip()). A closed compound (hotspot) is kept.
   * A capitalised sentence's first word may be a name as often as a slip: it needs the likelihood,
   * more of it for more than one slip (Aasland), and a slip alone makes it only another name
   * (Rockerfeller → Rockefeller, not Fontwork → Footwork).
   */
  private sure(word: string, shape: number, replacement: string, confidence: number, keep: number, repeated: boolean): boolean {
    if (!plausibleChange(word, replacement, confidence) || (shape === PLAIN && this.model.isCompound(word, FUNCTION_WORDS))) return false;
    const slip = this.plainSlip(word, replacement, keep);
    if (repeated && !slip) return false;
    if (shape !== SENTENCE_START || word === word.toLowerCase()) return confidence >= MIN_CONFIDENCE || slip;
    return confidence >= (slip ? MIN_CONFIDENCE : NAME_CONFIDENCE) || (slip && isCapitalised(this.model.forms[this.model.id(replacement)]!));
  }

  /**
   * Whether `replacement` is one common slip from `word` (an edit or less in the error model) and
   * far more frequent than the word could be as written (its keep score): a plain misspelling
   * (intergrated, preverse, Rockerfeller), corrected though other candidates share the probability.
   * A dictionary word with an ending it lacks (toolkits, readably) is no slip for its stem, and a
   * word the frequency list counts (absorber) keeps its own probability.
   */
  private plainSlip(word: string, replacement: string, keep: number): boolean {
    const id = this.model.id(replacement);
    if (id < 0 || fold(this.model.forms[id]!) !== fold(replacement) || this.known.plural(word) || this.known.suffixed(word)) return false;
    if (this.model.listedLogPrior(fold(word)) !== undefined) return false;
    return this.model.logPrior[id]! >= keep && this.errors.errorCost(fold(word), fold(replacement), ONE_SLIP) <= ONE_SLIP;
  }

  /**
   * A sentence's first word before a capitalised word that is unknown or a name (Anya Taylor, Ravi
   * Shankar) is a name, like a capitalised word inside a sentence; else `shape`.
   */
  private nameAtStart(words: readonly Word[], i: number, shape: number): number {
    const after = words[i + 1];
    if (shape !== SENTENCE_START || !after?.joined || !isCapitalised(after.text)) return shape;
    return after.check !== CORRECT || (after.id >= 0 && isCapitalised(this.model.forms[after.id]!)) ? INNER_CAPITAL : shape;
  }

  /** The target variant's capitalised form of a lower-case word (Redis for redis), if it has one. */
  private casedForm(word: string): string | undefined {
    if (word !== word.toLowerCase()) return undefined;
    const id = this.model.id(word);
    if (id < 0 || !(this.model.variants[id]! & this.target)) return undefined;
    const form = this.model.forms[id]!;
    return form !== word && form.toLowerCase() === word ? form : undefined;
  }

  /** Whether the dictionary of one of the variants in `mask` has the word. */
  private accepts(word: string, mask: number): boolean {
    return this.spell.correct(word) && (variantsOf(this.masks, word) & mask) !== 0;
  }

  /**
   * The variant a text in `en` is written in, by the words it spells as only some variants do
   * (colour, organise, color); en-US when none does.
   */
  private variantOf(words: readonly Word[]): number {
    const votes = new Int32Array(VARIANTS.length);
    for (const word of words) {
      if (word.check !== CORRECT) continue;
      const mask = word.id >= 0 && this.model.forms[word.id] === word.text ? this.model.variants[word.id]! : LATIN_WORD.test(word.text) ? variantsOf(this.masks, word.text) : ALL_VARIANTS;
      if (mask === ALL_VARIANTS) continue;
      for (let v = 0; v < VARIANTS.length; v++) if (mask & (1 << v)) votes[v]!++;
    }
    let best = 0;
    for (let v = 1; v < VARIANTS.length; v++) if (votes[v]! > votes[best]!) best = v;
    return 1 << best;
  }

  /**
   * The lexicon ids of the target variant's spellings of another variant's word (see respellings()):
   * one difference away, or two when the result is itself a spelling not every variant has (so
   * litre is liter, never litter).
   */
  private counterparts(word: string): ReadonlySet<number> {
    const ids = new Set<number>();
    for (const [form, steps] of respellings(fold(word))) {
      const id = this.model.id(form);
      if (id < 0 || fold(this.model.forms[id]!) !== form) continue;
      const variants = this.model.variants[id]!;
      if (variants & this.target && (steps === 1 || variants !== ALL_VARIANTS)) ids.add(id);
    }
    return ids;
  }

  /**
   * ln of how likely the word is as written, a real word the dictionary lacks, on the scale of the
   * candidates' scores: a correction must outweigh it to be made.
   */
  private keepScore(word: string, shape: number, foreign: boolean): number {
    // Another variant's spelling (colour, manoeuvres in en-US) is a known word of the wrong variant,
    // not to be kept: its counterpart replaces it, or with none it is flagged.
    if (foreign) return -Infinity;
    if (this.known.listed(word)) return KNOWN_ELSEWHERE;
    const unlisted = shape === PLAIN ? UNLISTED_WORD : UNLISTED_NAME;
    const derived = this.known.derived(word) ? DERIVED_WORD : this.known.plural(word) ? PLURAL_WORD : this.known.inWordNet(word) ? WORDNET_WORD : unlisted;
    // A word the frequency list counts though no dictionary has it (a name, an abbreviation, a term:
    // standup, ebay) is as likely as its count says, and needs no slip to be typed so.
    const listed = this.model.listedLogPrior(word.toLowerCase());
    return listed === undefined ? derived : Math.max(listed + COUNTED_AS_WRITTEN, derived);
  }

  /**
   * Up to 1 + MAX_ALTERNATIVES corrections of a misspelled word, best first, in its case pattern;
   * and the first one's confidence against the others and against keeping the word (ln-score `keep`).
   * `counterparts`: when the word is another variant's spelling, the lexicon ids of the target's spellings of it.
   */
  private suggest(word: string, previous: number, next: number, keep: number, counterparts: ReadonlySet<number>): Suggestions {
    let stem = word;
    let suffix = '';
    // goverment's → government's: the stem is corrected, the possessive kept as typed.
    if (POSSESSIVE.test(word) && word.length > 2 && !this.accepts(word.slice(0, -2), this.accept)) {
      stem = word.slice(0, -2);
      suffix = word.slice(-2);
    }
    const key = fold(stem);
    const { ids, scores } = this.shortlists.of(key);
    const { totals, ranked } = this;
    const other = counterparts.size > 0 ? -NOT_A_COUNTERPART : 0;
    // A lower-case word never becomes a name (harras → harass, not Harris); a day, a month or a language it may.
    const lower = word === word.toLowerCase();
    for (let k = 0; k < ids.length; k++) {
      const form = this.model.forms[ids[k]!]!;
      const counterpart = counterparts.has(ids[k]!) ? 0 : other;
      const name = lower && isCapitalised(form) && !isCapitalisedCommonWord(form) ? NAME_FOR_LOWER_CASE : 0;
      totals[k] = this.model.variants[ids[k]!]! & this.target ? scores[k]! + counterpart - name + CONTEXT_WEIGHT * this.model.contextGain(ids[k]!, previous, next) : -Infinity;
    }
    let count = ids.length;
    // todays → today's: a possessive missing its apostrophe (possessives are not in the lexicon),
    // as likely as POSSESSIVE_SHARE of its stem; it comes after the shortlist.
    const stemId = suffix ? -1 : POSSESSIVE_WITHOUT_APOSTROPHE.test(word) ? this.model.id(word.slice(0, -1)) : -1;
    const possessive = stemId >= 0 ? `${this.model.forms[stemId]!}'s` : '';
    if (stemId >= 0) {
      totals[count++] = other + this.model.logPrior[stemId]! + Math.log(POSSESSIVE_SHARE) - EDIT_WEIGHT * this.errors.errorCost(fold(word), possessive.toLowerCase()) + CONTEXT_WEIGHT * this.model.contextGain(stemId, previous, next);
    }
    // alot → a lot: two words run together, as likely as the pair itself; it comes last.
    const split = suffix || stemId >= 0 || word.length < MIN_SPLIT ? undefined : bestSplit(this.model, this.target, key, previous, next);
    if (split) totals[count++] = other + split.score - EDIT_WEIGHT * SPLIT_COST;
    // Best first, equal totals in shortlist order (a stable sort, without an object per candidate).
    for (let k = 0; k < count; k++) {
      let at = k;
      for (; at > 0 && totals[ranked[at - 1]!]! < totals[k]!; at--) ranked[at] = ranked[at - 1]!;
      ranked[at] = k;
    }
    const suggestions: string[] = [];
    let best = -Infinity;
    const pattern = casePattern(stem);
    for (let n = 0; n < count; n++) {
      const k = ranked[n]!;
      const form = k < ids.length ? this.model.forms[ids[k]!]! : k === ids.length && stemId >= 0 ? possessive : split!.form;
      const restored = restoreCase(pattern, form) + suffix;
      // Only words nspell accepts as written, so correcting the output again changes nothing
      // (lexicon forms are accepted as they are; a changed case, suffix or possessive is checked).
      const listed = (k < ids.length || (split !== undefined && k === count - 1)) && restored === form && stemId < 0;
      if (listed && k < ids.length && !(this.model.variants[ids[k]!]! & this.target)) continue;
      if (restored !== word && !suggestions.includes(restored) && (listed || this.accepts(restored, this.target))) {
        if (suggestions.length === 0) best = totals[k]!;
        suggestions.push(restored);
      }
      if (suggestions.length > MAX_ALTERNATIVES) break;
    }
    return { suggestions, confidence: suggestions.length ? confidence(best, totals.subarray(0, count), keep) : 0 };
  }
}

/** What suggest() found for one word. */
interface Suggestions {
  suggestions: string[];
  confidence: number;
}

const isCapitalised = (word: string): boolean => word.charAt(0) !== word.charAt(0).toLowerCase();

/**
 * Loads nspell on the pre-expanded dictionary, the word model, the candidates and their index
 * (by default the built ones); keep the instance for the cold start's lifetime.
 */
export function createSpellChecker(data: SpellData = builtSpellData()): SpellChecker {
  const model = new LanguageModel(data.words, data.candidates);
  const spell = loadDictionary(data.aff, data.dic);
  const known = new KnownWords(data.jargon, (word) => spell.correct(word), data.wordnet);
  const realWords = new RealWordModel(model, data.confusionSets, PAIR_COUNT_FLOOR, data.words.total);
  const index = new CandidateIndex(model.keys, model.soundKeys);
  const errors = new ErrorModel();
  return new ContextSpellChecker(spell, model, new CandidateShortlists(model, index, errors), known, data.variants, errors, realWords);
}
