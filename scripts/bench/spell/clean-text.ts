/**
 * bench:spell's do-no-harm table: changes per 10,000 words of clean, correctly spelled text (every
 * change is harm), per kind of text and half, for us and every peer; then our changes on the
 * tuning halves, for whoever fixes the engine (the test halves' stay unread, so they stay held out).
 */
import { CLEAN_KINDS, wordCount, type CleanText } from './clean-texts.ts';
import { editsBySentence, type Corrector } from './correctors.ts';
import { HALVES, halfOf } from '../halves.ts';

/** Our worst changes listed per kind without --verbose. */
const LISTED = 12;
const GOAL_PER_10K = 2;

const per10k = (count: number, words: number) => ((10_000 * count) / words).toFixed(1);

export async function cleanTextTable(texts: readonly CleanText[], correctors: readonly Corrector[], options: { quick: boolean; perSource: number; verbose: boolean }): Promise<string[]> {
  const running = correctors.filter((c) => !c.missing);
  const sentencesOf = (text: CleanText) => text.sentences.slice(0, options.perSource);
  const lines = [
    `Clean texts (every change is harm), each sentence in the tuning half when its hash (FNV-1a, finalised) is even (scripts/bench/halves.ts)${options.quick ? ` (quick: the first ${options.perSource} sentences of each source)` : ''}:`,
    '',
    '| kind | source | licence | words: tuning | test |',
    '|---|---|---|---|---|',
    ...texts.map((text) => {
      if (text.missing) return `| ${text.kind} | ${text.source} | ${text.licence} | – (missing: ${text.missing}) | – |`;
      const words = HALVES.map((half) => sentencesOf(text).filter((s) => halfOf(s) === half).reduce((sum, s) => sum + wordCount(s), 0));
      return `| ${text.kind} | ${text.source} | ${text.licence} | ${words.join(' | ')} |`;
    }),
    ...correctors.filter((c) => c.missing).map((c) => `\n${c.name} is not run here: ${c.missing}.`),
    '',
    `Do no harm: changes per 10,000 words (goal ≤ ${GOAL_PER_10K} for ours on every test half); a peer's change is its first suggestion for a word it flags.`,
    '',
    `| kind | half | words | ${running.map((c) => (c.name === 'ours' ? '**ours**' : c.name)).join(' | ')} |`,
    `|---|---|---|${running.map(() => '---|').join('')}`,
  ];
  const totals = new Map<string, { words: number; changes: number[] }>(HALVES.map((half) => [half, { words: 0, changes: running.map(() => 0) }]));
  const oursOnTuning = new Map<string, Map<string, number>>();
  const overGoal: string[] = [];
  for (const kind of CLEAN_KINDS) {
    const present = texts.filter((text) => text.kind === kind && !text.missing);
    if (present.length === 0) {
      lines.push(`| ${kind} | – | – (missing) | ${running.map(() => '–').join(' | ')} |`);
      continue;
    }
    for (const half of HALVES) {
      const sentences = present.flatMap(sentencesOf).filter((s) => halfOf(s) === half);
      const words = sentences.reduce((sum, s) => sum + wordCount(s), 0);
      const total = totals.get(half)!;
      total.words += words;
      const cells: string[] = [];
      for (const [k, corrector] of running.entries()) {
        const perSentence = await editsBySentence(corrector, sentences);
        const changes = perSentence.reduce((sum, edits) => sum + edits.length, 0);
        total.changes[k]! += changes;
        cells.push(per10k(changes, words));
        if (corrector.name !== 'ours') continue;
        if (half === 'test' && (10_000 * changes) / words > GOAL_PER_10K) overGoal.push(kind);
        if (half !== 'tuning') continue;
        const listed = oursOnTuning.get(kind) ?? new Map<string, number>();
        for (const [i, sentence] of sentences.entries())
          for (const edit of perSentence[i]!) {
            const change = `${sentence.slice(edit.offset, edit.offset + edit.length)} → ${edit.replacement}`;
            listed.set(change, (listed.get(change) ?? 0) + 1);
          }
        oursOnTuning.set(kind, listed);
      }
      lines.push(`| ${kind} | ${half} | ${words} | ${cells.join(' | ')} |`);
    }
  }
  for (const [half, { words, changes }] of totals) lines.push(`| **all** | ${half} | ${words} | ${changes.map((n) => per10k(n, words)).join(' | ')} |`);
  lines.push('', `Ours over the goal on the test half of: ${overGoal.join(', ') || 'none'}.`, '', `Our changes on the tuning halves (count when more than one${options.verbose ? '' : `; the ${LISTED} most frequent of each kind, all with --verbose`}):`);
  for (const [kind, listed] of oursOnTuning) {
    const sorted = [...listed].sort((a, b) => b[1] - a[1]);
    const shown = options.verbose ? sorted : sorted.slice(0, LISTED);
    lines.push(`- ${kind} (${sorted.reduce((sum, [, n]) => sum + n, 0)}): ${shown.map(([change, n]) => (n > 1 ? `${change} (${n})` : change)).join(', ') || 'none'}${shown.length < sorted.length ? ', …' : ''}`);
  }
  return lines;
}
