import { createSegmenter } from './space/index.ts';
import { soundKey } from './spell/sound-key.ts';
import { createSpellChecker } from './spell/spell-checker.ts';
import { encodeWordModel, loadWordModel } from './word-model.ts';

// Twenty words with made-up counts, and a few pairs: enough for both engines, built in milliseconds.
const COUNTS = new Map(
  'the:900 a:800 cat:90 sat:80 on:700 mat:40 dog:85 ran:60 to:750 house:50 big:45 red:30 and:850 is:600 very:200 happy:35 garden:25 in:650 it:500 was:400'
    .split(' ')
    .map((entry) => entry.split(':') as [string, string])
    .map(([word, count]) => [word, Number(count) * 1e6] as const),
);
const PAIRS: [string, string, number][] = [
  ['the', 'cat', 4e7],
  ['cat', 'sat', 3e7],
  ['sat', 'on', 3e7],
  ['on', 'the', 9e7],
  ['the', 'mat', 2e7],
];

function tinyModel() {
  const { words, pairs } = encodeWordModel(COUNTS, PAIRS);
  return loadWordModel(words, pairs);
}

describe('the engines on a model of twenty words', () => {
  test('the segmenter splits with the words it is given', () => {
    const segmenter = createSegmenter(tinyModel());
    expect(segmenter.segment('thecatsatonthemat')).toBe('the cat sat on the mat');
    expect(segmenter.segment('Thedogranto the redhouse')).toBe('The dog ran to the red house');
  });

  test('the spelling checker corrects into the words it is given', () => {
    const model = tinyModel();
    // Every word a candidate, spelled in lower case and by all variants (see language-model.ts).
    const candidates = [model.words.map((_, id) => (id === 0 ? 0 : 1).toString(36)), model.words.map(soundKey), [], []].map((lines) => lines.join('\n')).join('\n\n');
    const dic = `${model.words.length}\n${model.words.join('\n')}\n`;
    const checker = createSpellChecker({ words: model, candidates, aff: 'SET UTF-8\n', dic, jargon: '', wordnet: '', variants: '', confusionSets: '' });
    const result = checker.correct('The cat sat on teh mat in the gardn.');
    expect(result.output).toBe('The cat sat on the mat in the garden.');
    expect(result.corrections.map((c) => [c.original, c.replacement])).toEqual([
      ['teh', 'the'],
      ['gardn', 'garden'],
    ]);
    expect(checker.correct('happy').corrections).toEqual([]);
  });
});
