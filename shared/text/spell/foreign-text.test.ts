import { checkSpelling, type Detect } from './foreign-text.ts';
import { createSpellChecker } from './spell-checker.ts';
import type { SpellChecker } from './spell-types.ts';

let checker: SpellChecker;

beforeAll(() => {
  checker = createSpellChecker();
});

describe('checkSpelling: other languages', () => {
  test('refuses a text in another language, naming it', async () => {
    for (const [text, name] of [
      ['Eu gosto muito de ler livros à noite.', 'Portuguese (pt)'],
      ['Jag tycker om att läsa böcker.', 'Swedish (sv)'],
      ['Je pense que c’est une bonne idée, mais nous verrons demain.', 'French (fr)'],
    ]) {
      await expect(checkSpelling(checker, text!)).rejects.toMatchObject({ code: 'UNSUPPORTED_LANGUAGE', message: `the text looks like ${name}; spelling is checked in English only` });
    }
  });

  test('leaves a sentence in another language as written inside English text, and flags it', async () => {
    const result = await checkSpelling(checker, 'Teh wrold is big. Eu gosto muito de ler livros à noite. I beleive it.');
    expect(result.output).toBe('The world is big. Eu gosto muito de ler livros à noite. I believe it.');
    expect(result.flags.map((f) => [f.original, f.reason])).toEqual(expect.arrayContaining([['gosto', 'other-language'], ['livros', 'other-language']]));
    expect(result.flags.every((f) => f.reason === 'other-language')).toBe(true);
  });

  test('a short quotation is left alone, not refused', async () => {
    const result = await checkSpelling(checker, 'Danke schön, said Hans.');
    expect(result.output).toBe('Danke schön, said Hans.');
  });

  test('short English full of typos is English: corrected, neither refused nor left alone', async () => {
    for (const [text, output] of [
      ['Plese chek my speling', 'Please check my spelling'],
      ['Teh wrold', 'The world'],
      ['Thsi is a tset', 'This is a test'],
      ['Goverment policys', 'Government policies'],
    ]) {
      const result = await checkSpelling(checker, text!);
      expect(result.output).toBe(output);
      expect(result.flags.filter((f) => f.reason === 'other-language')).toEqual([]);
    }
  });

  test('a narrow verdict is no evidence; a short sentence must stay foreign read with its words set right', async () => {
    const text = 'Qwerp zlorb fnargle.';
    const narrow: Detect = () => ({ language: 'sv', reliable: true, score: 0.61, english: 0.6 });
    expect(await checkSpelling(checker, text, {}, narrow)).toEqual(checker.correct(text));
    // Clear of English, but three words that read as English once set right ("Teh wrold" → "The world").
    const englishOnceRight: Detect = (t) => (t.startsWith('The') ? { language: 'en', reliable: true } : { language: 'sl', reliable: true, score: 0.8, english: 0.1 });
    expect((await checkSpelling(checker, 'Teh wrold.', {}, englishOnceRight)).output).toBe('The world.');
    // Four words or more clear of English are foreign however they read.
    const clear: Detect = (t) => (t.startsWith('Ths') ? { language: 'hu', reliable: true, score: 0.8, english: 0.1 } : { language: 'en', reliable: true });
    await expect(checkSpelling(checker, 'Ths si a tset.', {}, clear)).rejects.toMatchObject({ code: 'UNSUPPORTED_LANGUAGE' });
  });

  test('asks the detector only about sentences most of whose words the dictionary lacks', async () => {
    const asked: string[] = [];
    const detect: Detect = (text) => {
      asked.push(text);
      return { language: 'en', reliable: true };
    };
    const english = await checkSpelling(checker, 'The quick brown fox jumps over the lazy dog. Teh world is big.', {}, detect);
    expect(asked).toEqual([]);
    expect(english.output).toBe('The quick brown fox jumps over the lazy dog. The world is big.');
    // An English verdict leaves the first result as it was.
    const odd = await checkSpelling(checker, 'Qwerp zlorb fnargle.', {}, detect);
    expect(asked).toEqual(['Qwerp zlorb fnargle.']);
    expect(odd).toEqual(checker.correct('Qwerp zlorb fnargle.'));
  });
});
