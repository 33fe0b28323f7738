/**
 * The repair table of bench:space: each sentence damaged as PDFs and scans damage text (damage.ts)
 * and undamaged, scored by half (halves.ts).
 */
import { damage, wordsKept } from './damage.ts';
import { HALVES, halfOf, type Half } from '../halves.ts';

export interface RepairTally {
  damagedRight: number;
  damaged: number;
  wordsExact: number;
  wordsLoose: number;
  words: number;
  sentencesExact: number;
  sentences: number;
  cleanChanged: number;
  cleanWords: number;
}

const empty = (): RepairTally => ({ damagedRight: 0, damaged: 0, wordsExact: 0, wordsLoose: 0, words: 0, sentencesExact: 0, sentences: 0, cleanChanged: 0, cleanWords: 0 });

/** Scores one repairer on every sentence undamaged and in `variants` damaged variants; onClean sees each undamaged sentence's output. */
export function scoreRepair(repair: (text: string) => string, sentences: readonly string[], variants: number, onClean: (sentence: string, output: string) => void = () => {}): Record<Half, RepairTally> {
  const byHalf: Record<Half, RepairTally> = { tuning: empty(), test: empty() };
  for (const sentence of sentences) {
    const tally = byHalf[halfOf(sentence)];
    const clean = repair(sentence);
    onClean(sentence, clean);
    const cleanKept = wordsKept(sentence, clean);
    tally.cleanWords += cleanKept.length;
    tally.cleanChanged += cleanKept.filter((word) => !word.exact).length;
    for (let variant = 0; variant < variants; variant++) {
      const { text, damaged } = damage(sentence, variant);
      const out = repair(text);
      const kept = wordsKept(sentence, out);
      kept.forEach((word, k) => {
        if (damaged.has(k)) {
          tally.damaged++;
          if (word.exact) tally.damagedRight++;
        }
      });
      tally.words += kept.length;
      tally.wordsExact += kept.filter((word) => word.exact).length;
      tally.wordsLoose += kept.filter((word) => word.loose).length;
      tally.sentences++;
      if (out === sentence) tally.sentencesExact++;
    }
  }
  return byHalf;
}

/** Damaged words mended and exact sentences, as shares. */
export const mended = (tally: RepairTally): number => tally.damagedRight / tally.damaged;
export const exactSentences = (tally: RepairTally): number => tally.sentencesExact / tally.sentences;

/** The table's rows in Markdown, one per repairer and half. */
export function repairTable(rows: ReadonlyArray<{ name: string; byHalf: Record<Half, RepairTally> }>, percent: (value: number) => string): string[] {
  const lines = ['| segmenter | half | damaged words mended | all words exact | all words, case and punctuation aside | exact sentences | undamaged words changed per 10,000 |', '|---|---|---|---|---|---|---|'];
  for (const { name, byHalf } of rows) {
    for (const half of HALVES) {
      const t = byHalf[half];
      lines.push(`| ${name} | ${half} | ${percent(mended(t))} | ${percent(t.wordsExact / t.words)} | ${percent(t.wordsLoose / t.words)} | ${percent(exactSentences(t))} | ${((t.cleanChanged / t.cleanWords) * 10_000).toFixed(1)} |`);
    }
  }
  return lines;
}
