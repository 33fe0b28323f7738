/**
 * bench:spell's real-word table: errors made from the clean prose texts (one per sentence, see
 * real-word-errors.ts), scored per engine and half as the right replacement, a wrong one, or none;
 * and the changes each engine makes to the same sentences unaltered.
 */
import type { CleanKind, CleanText } from './clean-texts.ts';
import { wordCount } from './clean-texts.ts';
import { editsBySentence, type Corrector, type Edit } from './correctors.ts';
import { HALVES, halfOf, type Half } from '../halves.ts';
import { confusableWords, realWordError, type RealWordError } from './real-word-errors.ts';

/** The prose kinds; the manuals' option lists and the names' credits are not sentences people mistype words in. */
const PROSE: readonly CleanKind[] = ['legal', 'technical', 'british', 'american', 'fiction'];
/** Engines that correct real words from context. */
const CONTEXT_ENGINES = ['ours', 'Harper'];

export interface RealWordCase extends RealWordError {
  /** The sentence as written. */
  sentence: string;
  half: Half;
  kind: CleanKind;
}

/** Every real-word case the bench makes from the texts, in order (`perSource` keeps that many sentences of each source, for --quick). */
export function realWordCases(texts: readonly CleanText[], perSource = Infinity): RealWordCase[] {
  const confusable = confusableWords();
  return texts
    .filter((text) => PROSE.includes(text.kind))
    .flatMap((text) =>
      text.sentences.slice(0, perSource).flatMap((sentence) => {
        const error = realWordError(sentence, confusable);
        return error ? [{ ...error, sentence, half: halfOf(sentence), kind: text.kind }] : [];
      }),
    );
}

const applied = (text: string, edits: readonly Edit[]) =>
  [...edits].sort((a, b) => b.offset - a.offset).reduce((out, edit) => out.slice(0, edit.offset) + edit.replacement + out.slice(edit.offset + edit.length), text);

type Outcome = 'right' | 'wrong' | 'missed';

/** What the engine did at the error: only its edits that touch the wrong word count. */
function outcome(error: RealWordCase, edits: readonly Edit[]): Outcome {
  const touching = edits.filter((edit) => edit.offset < error.offset + error.wrong.length && edit.offset + edit.length > error.offset);
  if (touching.length === 0) return 'missed';
  return applied(error.text, touching).toLowerCase() === error.sentence.toLowerCase() ? 'right' : 'wrong';
}

const pct = (count: number, of: number) => (of ? `${((100 * count) / of).toFixed(1)} %` : '–');
const per10k = (count: number, words: number) => (words ? ((10_000 * count) / words).toFixed(1) : '–');

export async function realWordTable(texts: readonly CleanText[], correctors: readonly Corrector[], options: { quick: boolean; perSource: number; verbose: boolean }): Promise<string[]> {
  const cases = realWordCases(texts, options.perSource);
  const confusable = confusableWords();
  const sources = texts.filter((text) => PROSE.includes(text.kind));
  const lines = [
    `Real-word errors: ${cases.length} (tuning ${cases.filter((c) => c.half === 'tuning').length}, test ${cases.filter((c) => c.half === 'test').length}), one a sentence, each a confusion-set word (shared/text/spell/context/confusion-sets.txt) replaced by another member of its set, chosen by a hash of the sentence${options.quick ? ` (quick: the first ${options.perSource} sentences of each source)` : ''}. Made from:`,
    ...sources.map((text) => `- ${text.kind}: ${text.missing ? `missing (${text.missing})` : `${text.source} (${text.licence}): ${cases.filter((c) => c.kind === text.kind).length} errors`}`),
    '',
    'Recall: the wrong word set back to the original; wrong: changed to something else; false alarms: changes to the same sentences unaltered. Harper: every lint whose first suggestion changes letters, applied.',
    '',
    '| engine | half | errors | recall | wrong replacement | left alone | unaltered: words | false alarms per 10,000 words | of them on confusion-set words |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  const notes: string[] = [];
  for (const corrector of correctors.filter((c) => CONTEXT_ENGINES.includes(c.name))) {
    if (corrector.missing) {
      lines.push(`| ${corrector.name} | – | – | – | – | – | – | – | – (${corrector.missing}) |`);
      continue;
    }
    const onErrors = await editsBySentence(corrector, cases.map((c) => c.text));
    const onOriginals = await editsBySentence(corrector, cases.map((c) => c.sentence));
    const outcomes = cases.map((c, i) => outcome(c, onErrors[i]!));
    for (const half of HALVES) {
      const at = cases.flatMap((c, i) => (c.half === half ? [i] : []));
      const count = (kind: Outcome) => at.filter((i) => outcomes[i] === kind).length;
      const words = at.reduce((sum, i) => sum + wordCount(cases[i]!.sentence), 0);
      const alarms = at.flatMap((i) => onOriginals[i]!.map((edit) => cases[i]!.sentence.slice(edit.offset, edit.offset + edit.length)));
      const onSets = alarms.filter((word) => confusable.has(word.toLowerCase().replaceAll('’', "'"))).length;
      const name = corrector.name === 'ours' ? '**ours**' : corrector.name;
      lines.push(`| ${name} | ${half} | ${at.length} | ${pct(count('right'), at.length)} | ${pct(count('wrong'), at.length)} | ${pct(count('missed'), at.length)} | ${words} | ${per10k(alarms.length, words)} | ${per10k(onSets, words)} |`);
    }
    if (corrector.name === 'ours' && options.verbose) {
      const tuning = cases.flatMap((c, i) => (c.half === 'tuning' ? [i] : []));
      const wrong = tuning.filter((i) => outcomes[i] === 'wrong').map((i) => `${cases[i]!.right} → ${cases[i]!.wrong} → ${applied(cases[i]!.text, onErrors[i]!).slice(cases[i]!.offset, cases[i]!.offset + 20)}…`);
      const alarms = tuning.flatMap((i) => onOriginals[i]!.map((edit) => `${cases[i]!.sentence.slice(edit.offset, edit.offset + edit.length)} → ${edit.replacement}`));
      notes.push('', `Ours on the tuning half, wrong replacements (original → error → ours): ${wrong.join('; ') || 'none'}.`, `Ours on the tuning half, false alarms: ${alarms.join(', ') || 'none'}.`);
    }
  }
  lines.push('', 'Goal on the test half: recall ≥ 80 % with ≤ 1 false alarm per 10,000 words.', ...notes);
  return lines;
}
