import { describe, expect, it } from '@jest/globals';
import { markedOutput } from './marks.ts';

const render = (value: ReturnType<typeof markedOutput>) => String(value);
const spell = (input: string, output: string, corrections: unknown[], flags?: unknown[]) => ({ input, output, details: { corrections, ...(flags && { flags }) } });

describe('markedOutput', () => {
  it('marks each correction inline: the original deleted, the replacement inserted with its alternatives', () => {
    const record = spell('Teh wrold is big.', 'The world is big.', [
      { offset: 0, length: 3, original: 'Teh', replacement: 'The', alternatives: ['Ten', 'Tea'] },
      { offset: 4, length: 5, original: 'wrold', replacement: 'world', alternatives: [] },
    ]);
    expect(render(markedOutput(record))).toBe(
      '<del>Teh</del><ins title="also: Ten, Tea">The</ins> <del>wrold</del><ins title="no other suggestion">world</ins> is big.',
    );
  });

  it("marks the space correction's edits: spaces added, spaces and line-end hyphens removed", () => {
    const record = {
      input: 'Thequick gover nment perfor-\nmance.',
      output: 'The quick government performance.',
      details: {
        edits: [
          { offset: 3, length: 0, original: '', replacement: ' ' },
          { offset: 14, length: 1, original: ' ', replacement: '' },
          { offset: 27, length: 2, original: '-\n', replacement: '' },
        ],
      },
    };
    expect(render(markedOutput(record))).toBe(
      'The<ins title="space added"> </ins>quick gover<del title="space removed">␣</del>nment perfor<del title="line-end hyphen removed">-⏎</del>mance.',
    );
  });

  it('says when a correction replaced a real word in the wrong place', () => {
    const record = spell('We should of asked.', 'We should have asked.', [{ offset: 10, length: 2, original: 'of', replacement: 'have', alternatives: [], kind: 'context' }]);
    expect(render(markedOutput(record))).toBe('We should <del>of</del><ins title="a real word in the wrong place; no other suggestion">have</ins> asked.');
  });

  it('underlines flagged words left as written, with the reason', () => {
    const record = spell('Aoife went hoem.', 'Aoife went home.', [{ offset: 11, length: 4, original: 'hoem', replacement: 'home', alternatives: [] }], [
      { offset: 0, length: 5, original: 'Aoife', reason: 'name', alternatives: [] },
    ]);
    expect(render(markedOutput(record))).toBe('<u title="left as written: name">Aoife</u> went <del>hoem</del><ins title="no other suggestion">home</ins>.');
  });

  it('names the word a context flag says may be meant', () => {
    const record = spell("I'll be their at six.", "I'll be their at six.", [], [{ offset: 8, length: 5, original: 'their', reason: 'context', alternatives: ['there'] }]);
    expect(render(markedOutput(record))).toBe("I&#39;ll be <u title=\"left as written: context: a real word, perhaps there\">their</u> at six.");
  });

  it('escapes the text around and inside the marks, and in titles', () => {
    const record = spell('<b>&Teh "x"', '<b>&The "x"', [{ offset: 4, length: 3, original: 'Teh', replacement: 'The', alternatives: ['"><script>'] }]);
    expect(render(markedOutput(record))).toBe('&lt;b&gt;&amp;<del>Teh</del><ins title="also: &quot;&gt;&lt;script&gt;">The</ins> &quot;x&quot;');
  });

  it('counts offsets in UTF-16 units, as the API does', () => {
    const record = spell('😀 teh', '😀 the', [{ offset: 3, length: 3, original: 'teh', replacement: 'the', alternatives: [] }]);
    expect(render(markedOutput(record))).toBe('😀 <del>teh</del><ins title="no other suggestion">the</ins>');
  });

  it('marks what trimmed details still cover, and shows the rest of the output plain', () => {
    // The record kept the first correction only; "wrold" was corrected too.
    const trimmed = { input: 'Teh cat, wrold and Teh', output: 'The cat, world and The', details: { corrections: [{ offset: 0, length: 3, original: 'Teh', replacement: 'The' }], truncated: true } };
    expect(render(markedOutput(trimmed))).toBe('<del>Teh</del><ins title="no other suggestion">The</ins> cat, world and The');
    const later = { ...trimmed, details: { ...trimmed.details, corrections: [...trimmed.details.corrections, { offset: 19, length: 3, original: 'Teh', replacement: 'The' }] } };
    expect(render(markedOutput(later))).toBe('<del>Teh</del><ins title="no other suggestion">The</ins> cat, world and The');
    expect(markedOutput({ ...later, details: { corrections: later.details.corrections } })).toBe(later.output);
  });

  it.each([
    ['no details', { input: 'a', output: 'a', details: null }],
    ['details without changes', { input: 'hola', output: 'hello', details: { provider: 'apertium' } }],
    ['an offset that does not hold the original', spell('Teh cat', 'The cat', [{ offset: 1, length: 3, original: 'Teh', replacement: 'The' }])],
    ['overlapping changes', spell('Teh', 'The', [{ offset: 0, length: 3, original: 'Teh', replacement: 'The' }, { offset: 1, length: 2, original: 'eh', replacement: 'he' }])],
    ['changes that do not spell the output', spell('Teh cat', 'The dog', [{ offset: 0, length: 3, original: 'Teh', replacement: 'The' }])],
    ['malformed entries', spell('<i>Teh</i>', '<i>The</i>', [{ offset: '3', length: 3, original: 'Teh', replacement: 'The' }])],
  ])('shows the stored output as plain (escaped) text for %s', (_name, record) => {
    expect(markedOutput(record)).toBe(record.output);
  });
});
