/**
 * Real words typed for one another (their/there, then/than, lose/loose): for a word of a confusion
 * set (confusion-sets.txt), each other member is scored against the word as typed by the shared
 * word model's pair counts with its neighbours, a noisy channel whose prior that the typed word is
 * right is the margin a member must win by (see RealWordChoice and the thresholds in the checker).
 */
import { casePattern, fold, restoreCase } from '../case-pattern.ts';
import { roundConfidence } from '../confidence.ts';
import type { LanguageModel } from '../language-model.ts';
import type { Correction, Flag } from '../spell-types.ts';

/** A word of the text as the checker reads it. */
export interface ContextWord {
  text: string;
  offset: number;
  /** Candidate id of the word as written when it is correct; −1 otherwise. */
  id: number;
  /** Whether only whitespace separates it from the previous word. */
  joined: boolean;
}

/** The likeliest other member of a typed word's confusion set, and by how much it beats the typed word. */
export interface RealWordChoice {
  /** The member, lower case. */
  form: string;
  /** ln P(member in context) − ln P(typed word in context). */
  margin: number;
  /** ln P of each member in context, the typed word's first: for a confidence against them all. */
  scores: number[];
  /** How many of the two neighbours any member has a listed pair with (0–2). */
  sides: number;
}

// The pair list holds only pairs counted at least PAIR_COUNT_FLOOR times, so a pair it lacks was
// seen fewer times than that: it is priced below the floor, and never above what the two words'
// counts make likely were they independent. Both chosen on the tuning half (docs/spelling.md).
const MISSING_PAIR_SHARE = 0.2;
const INDEPENDENT_SHARE = 1;
// The noisy channel's prior that the typed word is right, as the ln-margin a rival must win by to
// replace it, and the smaller one from which it is offered in a flag: chosen on the tuning half for
// at most one change per 10,000 correct words (docs/spelling.md, "Words in context").
const REPLACE_MARGIN = 7;
const FLAG_MARGIN = 5;
// Replacing needs this much more when only one neighbour has a listed pair with any member: half the evidence.
const ONE_SIDE_MARGIN = 1.5;
// A typed `than` with no comparison among this many words before it, across punctuation, is a slip
// for that or then more often than its pairs say: its score drops by THAN_ALONE. Both chosen on the tuning half.
const THAN_REACH = 20;
const THAN_ALONE = 4;

/** Each member of any set (lower case), with the members it shares a set with; a word in several sets gets them all. */
export function parseConfusionSets(text: string): Map<string, string[]> {
  const others = new Map<string, Set<string>>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const members = line.trim().split(/\s+/).filter(Boolean);
    for (const word of members) {
      const set = others.get(word) ?? new Set<string>();
      for (const other of members) if (other !== word) set.add(other);
      others.set(word, set);
    }
  }
  return new Map([...others].map(([word, set]) => [word, [...set].sort()]));
}

// A contraction is read as the words it stands for: the pair list writes it without its apostrophe
// (it's as its, we're as were), so its own pairs would be another word's.
const EXPANSIONS: Record<string, string> = { "'re": 'are', "'s": 'is', "'ll": 'will', "'ve": 'have', "'d": 'would', "'m": 'am' };
// The frequency list counts no contractions (its source splits them): the share of "we are" written
// "we're" is a constant, chosen on the tuning half.
const CONTRACTED_SHARE = 0.1;
const expansion = (word: string): string[] | undefined => {
  if (word === "let's") return ['let', 'us'];
  const at = word.indexOf("'");
  const tail = at > 0 ? EXPANSIONS[word.slice(at)] : undefined;
  return tail ? [word.slice(0, at), tail] : undefined;
};

// `than` follows a comparison: with one among the words before it, `than` is right and no other
// member is; without one, `than` is no rival (the pair counts alone cannot see that far back).
// Any -er word whose stem is a word counts (user, teacher too): it only lets `than` compete.
const COMPARATIVES = new Set('more less fewer rather other otherwise else better worse greater larger smaller higher lower longer shorter older younger earlier later faster slower easier harder bigger cheaper stronger weaker wider closer further farther sooner above below different differently'.split(' '));
const COMPARISON_REACH = 6;
const LOWER = /^\p{Ll}[\p{Ll}'’]*$/u;
const CAPITALISED = /^\p{Lu}[\p{Ll}'’]*$/u;

const APOSTROPHE = /['’]/;

interface ConfusionSet {
  typed: Reading;
  rivals: Reading[];
  /** The typed reading, then the rivals: every member, for whether any has a pair with a neighbour. */
  members: Reading[];
  /** Whether `than` is the typed word or a rival. */
  withThan: boolean;
}

interface Reading {
  /** The member, lower case. */
  form: string;
  /** The candidate ids of the words it is read as: itself, or a contraction's two words. */
  words: number[];
  /** ln of the share of those words written as the member: 0, or CONTRACTED_SHARE for a contraction. */
  share: number;
}

export class RealWordModel {
  // Typed member → its own reading and the other members' readings; by candidate id for the members
  // the lexicon has, so most words need no string (it's, which it lacks, by its folded text).
  private readonly sets = new Map<string, ConfusionSet>();
  private readonly setsById = new Map<number, ConfusionSet>();
  private readonly logFloor: number;
  private readonly logTotal: number;

  constructor(
    private readonly model: LanguageModel,
    setsText: string,
    pairCountFloor: number,
    total: number,
  ) {
    this.logFloor = Math.log(pairCountFloor * MISSING_PAIR_SHARE);
    this.logTotal = Math.log(total);
    // Words (a contraction's two words) the frequency list counts and the pair list has, as the lexicon spells them.
    const reading = (form: string): Reading | undefined => {
      const expanded = expansion(form);
      const words = (expanded ?? [form]).map((part) => model.id(part));
      const spelled = words.every((id, k) => id >= 0 && model.forms[id] === (expanded ?? [form])[k]);
      if (!spelled || !words.every((id) => model.logCount(id) > -Infinity && model.hasPairs(id))) return undefined;
      return { form, words, share: expanded ? Math.log(CONTRACTED_SHARE) : 0 };
    };
    for (const [word, members] of parseConfusionSets(setsText)) {
      const typed = reading(word);
      const rivals = members.flatMap((member) => reading(member) ?? []);
      if (!typed || !rivals.length) continue;
      const set = { typed, rivals, members: [typed, ...rivals], withThan: word === 'than' || members.includes('than') };
      this.sets.set(word, set);
      if (model.id(word) >= 0) this.setsById.set(model.id(word), set);
    }
  }

  /**
   * The context corrections and flags of a text's words: each word `judged` allows (correct as
   * written, not ignored, not in another language) whose best rival wins by the margins;
   * `writable` says whether a rival may be written (the target variant's word).
   */
  review(words: readonly ContextWord[], judged: (i: number) => boolean, writable: (form: string) => boolean): { corrections: Correction[]; flags: Flag[] } {
    const corrections: Correction[] = [];
    const flags: Flag[] = [];
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      if (!this.setOf(word) || !judged(i)) continue;
      const choice = this.choose(words, i);
      if (!choice || !(choice.margin >= FLAG_MARGIN) || !writable(choice.form)) continue;
      const replacement = restoreCase(casePattern(word.text), choice.form);
      const span = { offset: word.offset, length: word.text.length, original: word.text };
      if (choice.margin < REPLACE_MARGIN + (choice.sides < 2 ? ONE_SIDE_MARGIN : 0)) flags.push({ ...span, reason: 'context', alternatives: [replacement] });
      else corrections.push({ ...span, replacement, alternatives: [], confidence: roundConfidence(posterior(choice)), kind: 'context' });
    }
    return { corrections, flags };
  }

  /**
   * The best rival of words[i] given its neighbours (only those joined to it by spaces and correct
   * as written); undefined when it has no rival or no neighbour to judge by, or is capitalised
   * inside a sentence (a name: the Red Lion Inn).
   */
  choose(words: readonly ContextWord[], i: number): RealWordChoice | undefined {
    const word = words[i]!;
    const set = this.setOf(word);
    if (!set || !(LOWER.test(word.text) || (CAPITALISED.test(word.text) && !word.joined))) return undefined;
    const previous = word.joined ? (words[i - 1]?.id ?? -1) : -1;
    const next = words[i + 1]?.joined ? words[i + 1]!.id : -1;
    if (previous < 0 && next < 0) return undefined;
    // Only a set with `than` in it needs the words before (the look is costly).
    const compared = set.withThan && this.comparison(words, i);
    if (set.typed.form === 'than' && compared) return undefined;
    const alone = set.typed.form === 'than' && !this.comparison(words, i, THAN_REACH, false) ? THAN_ALONE : 0;
    const typed = this.score(set.typed, previous, next) - alone;
    const sides = Number(this.listedOn(set, previous, true)) + Number(this.listedOn(set, next, false));
    const scores = [typed];
    let best: string | undefined;
    let bestScore = -Infinity;
    for (const rival of set.rivals) {
      if (rival.form === 'than' && !compared) continue;
      const score = this.score(rival, previous, next);
      scores.push(score);
      if (score > bestScore) {
        best = rival.form;
        bestScore = score;
      }
    }
    return best === undefined ? undefined : { form: best, margin: bestScore - typed, scores, sides };
  }

  private setOf(word: ContextWord): ConfusionSet | undefined {
    return word.id >= 0 ? this.setsById.get(word.id) : APOSTROPHE.test(word.text) ? this.sets.get(fold(word.text)) : undefined;
  }

  /** Whether any member of the set has a listed pair with the neighbour `side` (before it, or after it). */
  private listedOn(set: ConfusionSet, side: number, before: boolean): boolean {
    if (side < 0) return false;
    return set.members.some(({ words }) => (before ? this.model.pairLogCount(side, words[0]!) : this.model.pairLogCount(words[words.length - 1]!, side)) > -Infinity);
  }

  /** Whether a comparison word stands among the `reach` words before words[i] (in the same clause when `inClause`). */
  private comparison(words: readonly ContextWord[], i: number, reach = COMPARISON_REACH, inClause = true): boolean {
    for (let k = i - 1; k >= 0 && k >= i - reach; k--) {
      if (inClause && !words[k + 1]!.joined) return false;
      if (this.comparative(words[k]!.text.toLowerCase())) return true;
    }
    return false;
  }

  /** A comparison word: one of COMPARATIVES, or an adjective's -er form (taller, bigger, nicer, easier). */
  private comparative(word: string): boolean {
    if (COMPARATIVES.has(word)) return true;
    if (word.length < 5 || !word.endsWith('er')) return false;
    const stem = word.slice(0, -2);
    const doubled = stem.length > 3 && stem.at(-1) === stem.at(-2) ? stem.slice(0, -1) : undefined;
    return [stem, `${stem}e`, doubled, stem.endsWith('i') ? `${stem.slice(0, -1)}y` : undefined].some((form) => form !== undefined && form.length > 2 && this.model.id(form) >= 0);
  }

  /**
   * ln P(previous, reading, next) up to a constant shared by all members, the words chained by their
   * pair counts (each pair's count, less each inner word's own count), and the share written so.
   */
  private score(reading: Reading, previous: number, next: number): number {
    const { words } = reading;
    const first = words[0]!;
    const last = words[words.length - 1]!;
    let score = reading.share;
    if (words.length > 1) score += this.pair(first, last);
    if (previous >= 0) score += this.pair(previous, first) - (words.length > 1 || next >= 0 ? this.logCount(first) : 0);
    if (next >= 0) score += this.pair(last, next) - (words.length > 1 ? this.logCount(last) : 0);
    return score;
  }

  /** ln count of a candidate; a dictionary form the list lacks (a neighbour) counts as LanguageModel's prior says. */
  private logCount(id: number): number {
    return this.model.logPrior[id]! + this.logTotal;
  }

  private pair(first: number, second: number): number {
    const listed = this.model.pairLogCount(first, second);
    if (listed > -Infinity) return listed;
    return Math.min(this.logFloor, Math.log(INDEPENDENT_SHARE) + this.logCount(first) + this.logCount(second) - this.logTotal);
  }
}

/** The best rival's share of the probability, the typed word's raised by the prior it is right (REPLACE_MARGIN). */
function posterior({ margin, scores }: RealWordChoice): number {
  const best = scores[0]! + margin;
  let sum = Math.exp(REPLACE_MARGIN - margin);
  for (let k = 1; k < scores.length; k++) sum += Math.exp(scores[k]! - best);
  return 1 / sum;
}
