import { createSpellChecker, type SpellChecker, type SpellResult } from './spell-checker.ts';

let checker: SpellChecker;

beforeAll(() => {
  checker = createSpellChecker();
});

/** Every correction must point at exactly its original text, and applying them must give the output. */
function expectConsistent(input: string, result: SpellResult): void {
  let rebuilt = '';
  let from = 0;
  for (const c of result.corrections) {
    expect(input.slice(c.offset, c.offset + c.length)).toBe(c.original);
    expect(c.length).toBe(c.original.length);
    expect(c.alternatives).not.toContain(c.replacement);
    expect(c.alternatives.length).toBeLessThanOrEqual(5);
    expect(c.offset).toBeGreaterThanOrEqual(from);
    rebuilt += input.slice(from, c.offset) + c.replacement;
    from = c.offset + c.length;
  }
  expect(rebuilt + input.slice(from)).toBe(result.output);
}

describe('createSpellChecker', () => {
  test('corrects misspelled words and reports where they were', () => {
    const input = 'Teh wrold is big.';
    const result = checker.correct(input);

    expect(result.output).toBe('The world is big.');
    expect(result.corrections.map((c) => [c.offset, c.length])).toEqual([
      [0, 3],
      [4, 5],
    ]);
    expect(result.corrections.map((c) => [c.original, c.replacement])).toEqual([
      ['Teh', 'The'],
      ['wrold', 'world'],
    ]);
    expectConsistent(input, result);
  });

  test('keeps the case pattern of the original word', () => {
    expect(checker.correct('teh').output).toBe('the');
    expect(checker.correct('Teh').output).toBe('The');
    expect(checker.correct('TEH').output).toBe('THE');
    expect(checker.correct('RECIEVE it').output).toBe('RECEIVE it');
    const alternatives = checker.correct('TEH').corrections[0]!.alternatives;
    for (const alternative of alternatives) expect(alternative).toBe(alternative.toUpperCase());
  });

  test('leaves correctly spelled text alone', () => {
    const inputs = [
      'The quick brown fox jumps over the lazy dog.',
      "I don't think O'Brien read the government's well-known report.",
      'She don’t care, and it’s fine.',
      'Paris, London and New York are cities; NASA is an agency.',
      'A naïve café owner wrote a résumé.',
      '',
      '   \n\t ',
    ];
    for (const input of inputs) {
      expect(checker.correct(input)).toMatchObject({ output: input, corrections: [], flags: [] });
    }
  });

  test('leaves punctuation, numbers, URLs, e-mails, mentions, hashtags and code untouched', () => {
    const input = [
      'Visit https://exmaple.com/teh?q=wrold#teh or www.teh-wrold.com, http://teh.io.',
      'Mail jhon.teh@exmaple.com or @tehuser about #tehtag!',
      'snake_teh_case, camelCase tehVar getWroldName, path/to/teh and C:\\teh\\wrold.',
      'os.path.jion, e.g. and i.e. and U.S. teh.wrold config.yml',
      'Numbers 3.14, 1,000 and 7:30pm; words with digits: teh2 2teh mp3 3rd COVID-19.',
      'Punctuation: ... !? (—) [“”] «»',
      'Line\r\nbreaks\n\n\tand    spaces',
      'Other scripts: Привет мир, 日本語のテキスト, Ελληνικά.',
    ].join('\n');
    const result = checker.correct(input);

    expect(result.corrections).toEqual([]);
    expect(result.output).toBe(input);
  });

  test('replaces only the corrected spans and keeps everything around them', () => {
    const input = '  Teh\tcat,wrold!\r\n"recieve" (goverment) --teh--\n';
    const result = checker.correct(input);

    expect(result.output).toBe('  The\tcat,world!\r\n"receive" (government) --the--\n');
    expectConsistent(input, result);
  });

  test('checks each part of a hyphenated word and keeps apostrophes inside words', () => {
    const hyphen = checker.correct('a well-knwon fact');
    expect(hyphen.output).toBe('a well-known fact');
    expect(hyphen.corrections).toMatchObject([{ offset: 7, length: 5, original: 'knwon', replacement: 'known' }]);

    // A word split by a stray hyphen is corrected whole.
    expect(checker.correct('they co-incided').output).toBe('they coincided');
    expect(checker.correct("the goverment's plan").output).toBe("the government's plan");
    expect(checker.correct('I dont know').output).toBe("I don't know");
    expect(checker.correct('todays news').output).toBe("today's news");
    // A curly apostrophe in the input stays curly in the replacement.
    expect(checker.correct('it wo’nt work').output).toBe('it won’t work');
  });

  test('reports UTF-16 offsets after characters outside the BMP', () => {
    const input = '😀 teh 🇺🇸 wrold';
    const result = checker.correct(input);

    expect(result.output).toBe('😀 the 🇺🇸 world');
    expect(result.corrections.map((c) => c.offset)).toEqual([3, 12]);
    expectConsistent(input, result);
  });

  test('gives the same answer for a repeated word, without sharing arrays between results', () => {
    const first = checker.correct('teh teh');
    expect(first.corrections).toHaveLength(2);
    first.corrections[0]!.alternatives.push('mutated');

    const second = checker.correct('teh');
    expect(second.corrections[0]!.alternatives).not.toContain('mutated');
    expect(second.corrections[0]!.replacement).toBe('the');
  });

  test('lets the neighbouring words choose between close candidates', () => {
    expect(checker.correct('I believe the wether will be fine.').output).toBe('I believe the weather will be fine.');
    expect(checker.correct('I wonder wether he knows.').output).toBe('I wonder whether he knows.');
    expect(checker.correct('a good sence of humor').output).toBe('a good sense of humor');
    expect(checker.correct('ever sence then').output).toBe('ever since then');
    // Context never crosses punctuation: on its own the word gets its most likely reading.
    const alone = checker.correct('wether').corrections[0]!;
    expect(checker.correct('the. wether').corrections[0]!.replacement).toBe(alone.replacement);
  });

  test('lists up to five alternatives, all spelled correctly', () => {
    const [correction] = checker.correct('recieve').corrections;
    expect(correction!.replacement).toBe('receive');
    expect(correction!.alternatives.length).toBeGreaterThan(0);
    for (const alternative of correction!.alternatives) expect(checker.correct(alternative).corrections).toEqual([]);
  });

  test('corrects misspellings far from the intended word when they sound alike', () => {
    expect(checker.correct('It is nessisary.').output).toBe('It is necessary.');
  });

  test('turns a regular -ed on an irregular verb into its past form', () => {
    expect(checker.correct('She teached us and we seeked help.').output).toBe('She taught us and we sought help.');
    const [arised] = checker.correct('arised').corrections;
    expect([arised!.replacement, ...arised!.alternatives].slice(0, 5)).toEqual(expect.arrayContaining(['arose', 'arisen']));
    expect(checker.correct('He quitted.').output).toBe('He quit.');
  });

  test('leaves a word alone when nothing in the dictionary is near it', () => {
    expect(checker.correct('xqzvvjkwq')).toMatchObject({ output: 'xqzvvjkwq', corrections: [], flags: [{ offset: 0, length: 9, original: 'xqzvvjkwq', reason: 'unknown', alternatives: [] }] });
  });
});
