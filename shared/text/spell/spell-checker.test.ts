import { createSpellChecker } from './spell-checker.ts';
import type { SpellChecker, SpellResult } from './spell-types.ts';

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

  test('corrects plain misspellings: a dropped, doubled or swapped letter is the common slip it is', () => {
    for (const [text, output] of [
      ['That is wierd.', 'That is weird.'],
      ['Do not harrass them.', 'Do not harass them.'],
      ['He walked slowy home.', 'He walked slowly home.'],
      ['The law was intergrated.', 'The law was integrated.'],
      ['Rockerfeller gave money.', 'Rockefeller gave money.'],
    ]) {
      expect(checker.correct(text!).output).toBe(output);
    }
  });

  test('never turns a lower-case word into a name, though a day, a month or a language it may', () => {
    expect(checker.correct('Do not harras them.').output).toBe('Do not harass them.');
    expect(checker.correct('We meet on wensday.').output).toBe('We meet on Wednesday.');
    expect(checker.correct('She speaks portugues.').output).toBe('She speaks Portuguese.');
  });

  test('leaves a word alone when nothing in the dictionary is near it', () => {
    expect(checker.correct('xqzvvjkwq')).toMatchObject({ output: 'xqzvvjkwq', corrections: [], flags: [{ offset: 0, length: 9, original: 'xqzvvjkwq', reason: 'unknown', alternatives: [] }] });
  });
});

describe('leaving correct text alone', () => {
  const reasons = (text: string, options = {}) => Object.fromEntries(checker.correct(text, options).flags.map((f) => [f.original, f.reason]));

  test('accepts British, Canadian and Australian spellings in en and corrects into the text’s variant', () => {
    for (const text of ['The labour party’s favourite aluminium plough was mouldy.', 'A licence for the paediatric ward on the third storey.', 'They organised the catalogue and travelled to the centre.']) {
      expect(checker.correct(text)).toMatchObject({ output: text, corrections: [], flags: [] });
    }
    expect(checker.correct('My favourite flavur').output).toBe('My favourite flavour');
    expect(checker.correct('My favorite flavur').output).toBe('My favorite flavor');
    expect(checker.correct('flavur').variant).toBe('en-US');
  });

  test('checks one variant when asked: its spellings are right, the others corrected into its own', () => {
    expect(checker.correct('flavur', { language: 'en-GB' }).output).toBe('flavour');
    expect(checker.correct('flavur', { language: 'en-US' }).output).toBe('flavor');
    expect(checker.correct('The colour of the theatre', { language: 'en-US' }).output).toBe('The color of the theater');
    expect(checker.correct('The color of the theater', { language: 'en-GB' }).output).toBe('The colour of the theatre');
    expect(checker.correct('I organise it', { language: 'en-GB' }).corrections).toEqual([]);
  });

  test('converts another variant\'s word only into its spelling there, never into a near neighbour', () => {
    const us = (text: string) => checker.correct(text, { language: 'en-US' });
    for (const [text, output] of [
      ['The catalogue is new.', 'The catalog is new.'],
      ['They catalogued the manoeuvres.', 'They cataloged the maneuvers.'],
      ['A litre of paediatric anaesthetic.', 'A liter of pediatric anesthetic.'],
      ['The colour of the plough.', 'The color of the plow.'],
    ]) {
      expect(us(text!).output).toBe(output);
    }
    // Words of their own, not spellings: left as written and flagged, the American word offered.
    for (const [text, word, american] of [
      ['I paid by cheque.', 'cheque', 'check'],
      ['Mind the kerb.', 'kerb', undefined],
    ]) {
      const result = us(text!);
      expect(result).toMatchObject({ output: text, corrections: [] });
      expect(result.flags).toEqual([expect.objectContaining({ original: word, reason: 'uncertain' })]);
      if (american) expect(result.flags[0]!.alternatives).toContain(american);
    }
    // And the other way: an American word in en-GB.
    expect(checker.correct('The catalog of the theater.', { language: 'en-GB' }).output).toBe('The catalogue of the theatre.');
  });

  test('leaves short words in capitals alone as acronyms, unless the whole text is in capitals', () => {
    expect(reasons('NATO and the OECD publish YAML configs.')).toMatchObject({ OECD: 'acronym', YAML: 'acronym' });
    expect(checker.correct('NATO and the OECD publish YAML configs.').output).toBe('NATO and the OECD publish YAML configs.');
    expect(checker.correct('TEH WROLD IS BIG').output).toBe('THE WORLD IS BIG');
    // Capitals beyond ASCII count as capitals too.
    expect(checker.correct('ÉTÉ À PARIS: TEH WROLD IS BIG').output).toBe('ÉTÉ À PARIS: THE WORLD IS BIG');
    // A longer word in capitals is emphasis, checked like any other.
    expect(checker.correct('Please RECIEVE it').output).toBe('Please RECEIVE it');
  });

  test('leaves names inside a sentence alone, unless they are one swap from a known name', () => {
    const text = 'We met Saoirse, Wojciech and Martin von Löwis with Amaury d’Arc and Dong-hee.';
    expect(checker.correct(text)).toMatchObject({ output: text, corrections: [] });
    expect(reasons(text)).toMatchObject({ Saoirse: 'name', Wojciech: 'name', von: 'name', Löwis: 'name', 'd’Arc': 'name' });
    expect(checker.correct('I met Jhon yesterday.').output).toBe('I met John yesterday.');
    // A slip for a day or a month is corrected inside a sentence too; a name near a language is not.
    expect(checker.correct('We meet on Thursdy and in Febuary.').output).toBe('We meet on Thursday and in February.');
    expect(checker.correct('Thanks to Catalin Gheorghe.').output).toBe('Thanks to Catalin Gheorghe.');
    // Two capitalised words in a row are a name wherever they stand; a swap is still put back.
    for (const text of ['Anya Taylor spoke.', 'Ravi Shankar played.']) expect(checker.correct(text)).toMatchObject({ output: text, corrections: [] });
    expect(checker.correct('Teh Beatles played.').output).toBe('The Beatles played.');
    // Initials and titles end no sentence: Mrs. Gardiner is a name.
    expect(checker.correct('Then Mrs. Gardiner and P. Bingley came.').corrections).toEqual([]);
  });

  test('leaves jargon and words derived from dictionary words alone', () => {
    for (const text of ['Each namespace has docstrings; the traceback shows an iterable.', 'Run webpack, systemd, pytest and kubectl on localhost.', 'The licensors may sublicense it noncommercially.']) {
      expect(checker.correct(text)).toMatchObject({ output: text, corrections: [] });
    }
  });

  test('leaves words the frequency list counts alone, though no dictionary has them; another variant\'s spelling is still its counterpart', () => {
    for (const text of ['Wednesday’s standup is at nine.', 'The absorber and the abaxial side accrete it.', 'Irregardless, the miliary pattern was clear.']) {
      expect(checker.correct(text)).toMatchObject({ output: text, corrections: [] });
    }
    expect(checker.correct('Their standup was recieved well.').output).toBe('Their standup was received well.');
    expect(checker.correct('The colour of the theatre', { language: 'en-US' }).output).toBe('The color of the theater');
  });

  test('replaces only what it is confident of, and says how confident it is', () => {
    const [correction] = checker.correct('I beleive it').corrections;
    expect(correction).toMatchObject({ original: 'beleive', replacement: 'believe' });
    expect(correction!.confidence).toBeGreaterThan(0.9);
    expect(correction!.confidence).toBeLessThanOrEqual(1);
    // Two letters are only put back in order.
    expect(checker.correct('Tk said ok').corrections).toEqual([]);
  });

  test('never re-cases a correct word: one the dictionary has only capitalised is offered so, not changed', () => {
    for (const [text, word, cased] of [
      ['postgres and redis', 'redis', 'Redis'],
      ['I live in england', 'england', 'England'],
    ]) {
      const result = checker.correct(text!);
      expect(result.output).toBe(text);
      expect(result.flags).toContainEqual(expect.objectContaining({ original: word, reason: 'uncertain', alternatives: expect.arrayContaining([cased]) }));
    }
  });

  test('splits a phrase run together when the pair is far likelier than any single word', () => {
    expect(checker.correct('I have alot of time.').output).toBe('I have a lot of time.');
    expect(checker.correct('It is infact true, eventhough odd.').output).toBe('It is in fact true, even though odd.');
    // A compound is no phrase run together: offered, not made.
    expect(checker.correct('the mailserver').corrections).toEqual([]);
  });

  test('never changes or flags the words it is told to ignore', () => {
    const result = checker.correct('Teh Qwertyx framework wrold', { ignore: ['qwertyx', 'WROLD'] });
    expect(result.output).toBe('The Qwertyx framework wrold');
    expect(result.flags).toEqual([]);
  });

  test('flags words in other scripts and code-like words as left alone', () => {
    expect(reasons('Привет and getWroldName')).toEqual({ Привет: 'other-language', getWroldName: 'ignored' });
  });

  test('leaves an unknown word touching code punctuation alone as an identifier, and corrects one in prose punctuation', () => {
    for (const text of ['Filter it through --lzop, see lzop(1).', 'Classes are [:alnum:] and [:xdigit:].', 'It writes .pyc files.', 'Use --xform=EXPR or call mian() once.', 'Set ${HOME} and `zcat` too.']) {
      const result = checker.correct(text);
      expect(result.output).toBe(text);
      expect(result.flags.every((flag) => flag.reason === 'ignored')).toBe(true);
    }
    expect(checker.correct('He said --teh-- and left... teh end.').output).toBe('He said --the-- and left... the end.');
    expect(checker.correct('Wait...teh end (see teh notes).').output).toBe('Wait...the end (see the notes).');
  });

  test('offers, and does not replace, an unknown word typed the same way twice unless it is one plain slip', () => {
    for (const text of ['Run zcat on it; zcat reads the file.', '"You sabbee me, I sabbee," he said.']) {
      const result = checker.correct(text);
      expect(result.output).toBe(text);
      expect(result.flags.map((flag) => flag.reason)).toEqual(['uncertain', 'uncertain']);
      expect(result.flags[0]!.alternatives.length).toBeGreaterThan(0);
    }
    expect(checker.correct('Run zcat on it.').output).not.toBe('Run zcat on it.');
    expect(checker.correct('I recieve mail and recieve calls.').output).toBe('I receive mail and receive calls.');
  });

  test('leaves fragments alone: a word broken off at a hyphen, and the half after a hyphen at a line end', () => {
    for (const text of ['as well as experi-—what we see', 'the perfor- mance was good', 'the develop-\nment of it']) {
      const result = checker.correct(text);
      expect(result.output).toBe(text);
      expect(result.flags.length).toBeGreaterThan(0);
      expect(result.flags.every((flag) => flag.reason === 'uncertain')).toBe(true);
    }
    expect(checker.correct('He said --teh-- and a well-knwon fact.').output).toBe('He said --the-- and a well-known fact.');
  });

  test("keeps the writer's elisions: letters dropped at an apostrophe are no slip, a contraction's slip is corrected", () => {
    const text = "I s'pose you are goin' a-whalin', it's broke a'ready.";
    expect(checker.correct(text).output).toBe(text);
    expect(reasons(text)).toEqual({ "s'pose": 'uncertain', goin: 'uncertain', whalin: 'uncertain', "a'ready": 'uncertain' });
    expect(checker.correct("He does'nt know, she dosen't care.").output).toBe("He doesn't know, she doesn't care.");
    expect(checker.correct('We are goin to town.').output).toBe('We are going to town.');
  });

  test('a capitalised first word becomes a common word only when sure, and another name by one slip', () => {
    for (const text of ['Aasland wrote the patch.', 'Fontwork Shape edits the shape.', 'Pillai in 2.7.']) expect(checker.correct(text).output).toBe(text);
    for (const [text, output] of [
      ['Teh end.', 'The end.'],
      ['Wierd things happen.', 'Weird things happen.'],
      ['Harrass them.', 'Harass them.'],
      ['Rockerfeller gave money.', 'Rockefeller gave money.'],
    ]) expect(checker.correct(text!).output).toBe(output);
  });

  test('keeps closed compounds of two words the pair list counts, and words WordNet has, while slips of common words are still corrected', () => {
    for (const text of ['Click the hotspot to open it.', 'The harpooneers slept; a toper drank from a brimmer.', 'Protect pre-existing conditions.']) {
      expect(checker.correct(text).corrections).toEqual([]);
    }
    expect(checker.correct('I believe the wether will be fine.').output).toBe('I believe the weather will be fine.');
    expect(checker.correct('They co-incided, alot.').output).toBe('They coincided, a lot.');
  });
});
