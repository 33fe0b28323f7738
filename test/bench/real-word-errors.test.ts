import { sentencesOf, manPageProse, helpPageProse } from '../../scripts/bench/spell/clean-texts.ts';
import { fnv1a, halfOf, isTuningHalf, stableHash } from '../../scripts/bench/halves.ts';
import { confusableWords, realWordError } from '../../scripts/bench/spell/real-word-errors.ts';
import { editsBySentence, type Corrector } from '../../scripts/bench/spell/correctors.ts';

const confusable = confusableWords('# header\ntheir there they\'re\nto too two\nthrough threw\nthough through\n');

describe('the tuning and test halves', () => {
  it('hashes with 32-bit FNV-1a', () => {
    // Published FNV-1a test vectors.
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('puts a sentence in the tuning half exactly when its hash is even, the same every time', () => {
    const sentences = Array.from({ length: 200 }, (_, i) => `Sentence number ${i} of the bench.`);
    for (const sentence of sentences) {
      expect(isTuningHalf(sentence)).toBe(stableHash(sentence) % 2 === 0);
      expect(halfOf(sentence)).toBe(isTuningHalf(sentence) ? 'tuning' : 'test');
    }
    const tuning = sentences.filter(isTuningHalf).length;
    expect(tuning).toBeGreaterThan(70);
    expect(tuning).toBeLessThan(130);
  });
});

describe('real-word errors', () => {
  it('reads every member of a set with the others of every set it is in, skipping the header', () => {
    expect(confusable.get('their')).toEqual(['there', "they're"]);
    expect(confusable.get('through')).toEqual(['though', 'threw']);
    expect(confusable.has('#')).toBe(false);
  });

  it('replaces one confusion-set word by another member of its set, keeping the rest of the sentence', () => {
    const sentence = 'They left their coats by the door to dry.';
    const error = realWordError(sentence, confusable)!;
    expect(['their', 'to']).toContain(error.right);
    expect(confusable.get(error.right)).toContain(error.wrong);
    expect(error.text.slice(error.offset, error.offset + error.wrong.length)).toBe(error.wrong);
    expect(error.text.slice(0, error.offset) + error.right + error.text.slice(error.offset + error.wrong.length)).toBe(sentence);
    expect(realWordError(sentence, confusable)).toEqual(error);
  });

  it("keeps a capital and a curly apostrophe, and leaves capitals inside words and compounds alone", () => {
    const capital = realWordError('Their house is old.', confusable)!;
    expect(capital.wrong).toMatch(/^(There|They’re|They're)$/);
    for (let i = 0; i < 20; i++) expect(realWordError(`Their house ${i} is old, they’re sure.`, confusable)!.wrong).not.toContain("'");
    expect(realWordError('TO BE DONE, see to-do and THEIR list.', confusable)).toBeUndefined();
  });

  it('makes no error in a sentence without a confusion-set word', () => {
    expect(realWordError('The cat sat on a mat.', confusable)).toBeUndefined();
  });

  it('spreads its choices over the words and members', () => {
    const sentences = Array.from({ length: 300 }, (_, i) => `Item ${i}: they went to their house.`);
    const made = sentences.map((s) => realWordError(s, confusable)!);
    expect(new Set(made.map((e) => e.right))).toEqual(new Set(['to', 'their']));
    expect(new Set(made.map((e) => e.wrong))).toEqual(new Set(['too', 'two', 'there', "they're"]));
  });
});

describe('clean text as sentences', () => {
  it('cuts paragraphs at sentence ends before a capital, joining wrapped lines', () => {
    expect(sentencesOf('One line\nwrapped. Two? "Three!" she said.\n\nA new paragraph e.g. here. 42 is a number.')).toEqual([
      'One line wrapped.',
      'Two?',
      '"Three!" she said.',
      'A new paragraph e.g. here.',
      '42 is a number.',
    ]);
  });

  it("keeps a man page's prose without its header, footer and section headings", () => {
    const page = 'CP(1)                User Commands               CP(1)\n\nNAME\n       cp - copy files\n\nDESCRIPTION\n       Copy SOURCE to DEST.\n\nGNU coreutils 9.1          September 2022          CP(1)\n';
    expect(sentencesOf(manPageProse(page))).toEqual(['cp - copy files', 'Copy SOURCE to DEST.']);
  });

  it("keeps a help page's prose paragraphs without literal spans, tags or entities", () => {
    const html = '<h1>Title</h1><p id="a" class="paragraph" dir="auto">Choose <span class="menuitem">Tools</span> &amp; type <span class="literal">x@x</span> in the box.</p><p class="listitem">Not this.</p>';
    expect(helpPageProse(html)).toBe('Choose Tools & type in the box.');
  });
});

describe('edits by sentence', () => {
  it("gives each sentence its own edits, offsets from the sentence's start, across the texts it sends", async () => {
    const sent: string[] = [];
    const fake: Corrector = {
      name: 'fake',
      edits: async (text) => {
        sent.push(text);
        return [...text.matchAll(/teh/g)].map((m) => ({ offset: m.index, length: 3, replacement: 'the' }));
      },
    };
    const sentences = Array.from({ length: 3000 }, (_, i) => (i % 3 ? `Sentence ${i} is fine.` : `Sentence ${i} has teh word.`));
    const edits = await editsBySentence(fake, sentences);
    expect(sent.length).toBeGreaterThan(1);
    edits.forEach((found, i) => expect(found).toEqual(i % 3 ? [] : [{ offset: sentences[i]!.indexOf('teh'), length: 3, replacement: 'the' }]));
  });
});

describe('real-word errors in the two halves', () => {
  it('chooses words alike in both halves', () => {
    const sentences = Array.from({ length: 400 }, (_, i) => `Item ${i}: they went to their house.`);
    for (const half of ['tuning', 'test'] as const) {
      const chosen = sentences.filter((s) => halfOf(s) === half).map((s) => realWordError(s, confusable)!.right);
      const share = chosen.filter((word) => word === 'to').length / chosen.length;
      expect(share).toBeGreaterThan(0.35);
      expect(share).toBeLessThan(0.65);
    }
  });
});
