/**
 * What the Viterbi segmenter's readings cost.
 *
 * Costs are −ln(probability). A word follows the previous one with the interpolated bigram estimate
 * P(w | v) = c(v w) / (K·c(v)) + α(v)·P(w), where α(v) is the probability mass the truncated pair list
 * leaves for the pairs it does not have, and K puts the pair counts (a larger corpus) on the scale of
 * the word counts. A listed pair's count also bounds it: it is never taken as more likely than
 * c(v w)/(m·c(v)), m the median pair-to-word count ratio, however common w is on its own. A piece that is
 * no known word costs P(unknown) times its spelling under a letter 4-gram model of the word list, so
 * its cost grows with its length and with how un-English it looks: a plausible name ("meryton") stays
 * whole while a run of real words is cheaper split. The constants below were set by hand on a few
 * values each, checked against the public benchmark.
 */

/** Share of running text that is not in an 82k list (names, rare words): the price of leaving it. */
export const UNKNOWN_WORD_COST = 5;
/** A capitalised unknown piece after lower-case text is most likely a name. */
export const NAME_BONUS = 3;
/**
 * A listed word spelled with a capital after its first letter (iPhone, eBay) is that
 * brand's spelling: the case, which “i Phone” would not explain, makes it likelier than its count says.
 */
export const CAMEL_BONUS = 6;
/** A word containing a capital right after a lower-case letter (“saidDarcy”) is very unlikely. */
export const INNER_CAPITAL_COST = 12;
/** −ln P(ending | word) after an apostrophe: 's or a plural's lone apostrophe (father's, moments'), the apostrophe all but says so. */
export const POSSESSIVE_COST = 1;
/** Other endings ('ll, 're, 't, …) mostly belong to pronouns and verbs the list spells whole (we'll, don't). */
export const CONTRACTION_COST = 8;
/** −ln P(possessive s | word) in text without apostrophes ("fathers"), where the s may as well start a word. */
export const PLAIN_POSSESSIVE_COST = 6;
/**
 * A delimited run is split only when the split beats the run as one unknown word by this much (≈ 20:1):
 * a token someone typed between spaces or punctuation ("emoji", "selfie") is more likely a word the list
 * lacks than a near-tie of short words ("emo ji"), while run-together text wins by far more.
 */
export const KEEP_WHOLE_MARGIN = 3;
/** Runs this short are kept whole: 1–3 letters between delimiters are abbreviations or words ("npm", "img"), not "n pm". */
export const SHORTEST_SPLIT = 4;
/** Longest piece tried as one unknown word; longer runs of unknown letters are split. */
export const MAX_UNKNOWN_LENGTH = 24;

// Endings after an apostrophe that belong to the preceding word (father's, we'll, I'm, …); the list
// spells every n't form whole (don't, isn't), so "is" + "n't" or "i" + "sn't" is never a reading.
export const CONTRACTION_SUFFIXES = ['s', 'd', 'm', 'll', 're', 've'];
// The list drops the apostrophe's words (it has "isn", "doesn" no more than "isn't"): each n't form
// is read as the word it negates, which gives it that word's count and pairs ("isn't he" as "is he").
export const NEGATIONS: ReadonlyArray<[string, string]> = [
  ["isn't", 'is'], ["aren't", 'are'], ["wasn't", 'was'], ["weren't", 'were'], ["don't", 'do'], ["doesn't", 'does'], ["didn't", 'did'],
  ["hasn't", 'has'], ["haven't", 'have'], ["hadn't", 'had'], ["couldn't", 'could'], ["wouldn't", 'would'], ["shouldn't", 'should'],
  ["mustn't", 'must'], ["needn't", 'need'], ["mightn't", 'might'], ["can't", 'can'], ["won't", 'will'], ["shan't", 'shall'], ["ain't", 'am'],
];
/** −ln P(not | the word it negates): the pair "is not" is about a tenth of "is". */
export const NEGATION_COST = 2.5;

/**
 * A word typed alone that reads as a name (a capital mid-sentence, then lower case: Hunsford,
 * Wickham's) is split only when that wins by this much more: a name the list lacks is common in
 * correct text, glued words that look like one are rare.
 */
export const NAME_KEEP_MARGIN = 12;
// Not "I" glued to the next word (Ifear, Iconclude): a name seldom starts with I and a consonant.
export const NAME = /^(?!I[^aeiou])\p{Lu}\p{Ll}+(?:['’]\p{Ll}+)?$/u;
/** Camel case from a short lower-case start (iPhone, macOS, camelCase) typed alone is a name or an identifier: its inner capital costs nothing. */
export const CAMEL_CASE = /^\p{Ll}{1,5}\p{Lu}\p{L}*$/u;
/** One lower-case letter, a capital, then lower case (iPhones, iPads) typed alone is a brand's shape, kept by the name's margin. */
export const BRAND_SHAPE = /^\p{Ll}\p{Lu}\p{Ll}{2,}$/u;
