import { ErrorModel } from './error-model.ts';
import { spanCostFloor } from './slip-costs.ts';

const model = new ErrorModel();
const errorCost = (typed: string, intended: string, limit?: number) => model.errorCost(typed, intended, limit);
const spanErrorCost = (typed: string, text: string, from: number, to: number, limit?: number) => model.spanErrorCost(typed, text, from, to, limit);

describe('errorCost', () => {
  test('is zero for the same word and one for an unremarkable edit', () => {
    expect(errorCost('word', 'word')).toBe(0);
    expect(errorCost('wxrd', 'word')).toBe(1);
  });

  test('charges common slips less than other edits of the same size', () => {
    // Doubling or undoubling a letter.
    expect(errorCost('acomodate', 'acommodate')).toBeLessThan(errorCost('acomodate', 'acomodatex'));
    expect(errorCost('tommorrow', 'tomorrow')).toBeLessThan(1);
    // A vowel for another, a sound-alike, a neighbouring key, swapped letters.
    expect(errorCost('seperate', 'separate')).toBeLessThan(errorCost('sexerate', 'separate'));
    expect(errorCost('sence', 'sense')).toBeLessThan(1);
    expect(errorCost('wprd', 'word')).toBeLessThan(1);
    expect(errorCost('recieve', 'receive')).toBeLessThan(1);
  });

  test('treats apostrophes asymmetrically: a missing one is cheap, deleting a typed one is not', () => {
    expect(errorCost('dont', "don't")).toBeLessThan(0.5);
    expect(errorCost("wo'nt", "won't")).toBeLessThan(errorCost("wo'nt", 'wont'));
  });

  test('makes a wrong first letter dearer than the same slip later in the word', () => {
    expect(errorCost('xord', 'word')).toBeGreaterThan(errorCost('wxrd', 'word'));
    // Less so a first vowel for another; a first letter left out is only its deletion.
    expect(errorCost('enquiry', 'inquiry')).toBeLessThan(errorCost('bnquiry', 'inquiry'));
    expect(errorCost('enquiry', 'inquiry')).toBeGreaterThan(errorCost('inquery', 'inquiry'));
    expect(errorCost('hown', 'shown')).toBe(errorCost('sown', 'shown'));
  });

  test('charges one spelling of a sound for another like a single slip', () => {
    expect(errorCost('lauf', 'laugh')).toBeLessThan(errorCost('lauf', 'leaf'));
    expect(errorCost('ment', 'meant')).toBeLessThan(1);
    expect(errorCost('reciet', 'receipt')).toBeLessThan(errorCost('reciet', 'recent'));
  });

  test('charges a letter typed two places off, a repeated syllable typed once or twice and a silent final e as single slips', () => {
    expect(errorCost('yrea', 'year')).toBeLessThanOrEqual(1);
    expect(errorCost('tyhe', 'they')).toBeLessThanOrEqual(1);
    expect(errorCost('repetion', 'repetition')).toBeLessThan(errorCost('repetion', 'reception'));
    expect(errorCost('suburburban', 'suburban')).toBeLessThanOrEqual(1);
    expect(errorCost('nite', 'night')).toBeLessThan(1);
    expect(errorCost('pich', 'pitch')).toBeLessThan(1);
    // An unstressed syllable left out costs less than its two letters apart.
    expect(errorCost('quaties', 'qualities')).toBeLessThan(errorCost('quaties', 'quarties') + 0.7);
    expect(errorCost('quaties', 'qualities')).toBeLessThan(1.5);
  });

  test('stops once the cost must exceed the limit, and not before', () => {
    expect(errorCost('sexerate', 'separate', 0.5)).toBe(Infinity);
    expect(errorCost('seperate', 'separate', 1)).toBe(errorCost('seperate', 'separate'));
  });

  test('gives the same cost whatever was scored before (columns of a shared prefix are kept)', () => {
    const intended = ['separate', 'separated', 'separates', 'sepal', 'seperate', 'sep', 'separately', 'qualities', 'quarties'];
    const fresh = (typed: string, word: string) => {
      errorCost('zzzz', 'yyyy');
      errorCost(typed, 'x');
      return errorCost(typed, word);
    };
    for (const typed of ['seperate', 'quaties', 'sepr']) {
      const alone = intended.map((word) => fresh(typed, word));
      // In order, in reverse, and stopped early by a limit in between.
      expect(intended.map((word) => errorCost(typed, word))).toEqual(alone);
      expect([...intended].reverse().map((word) => errorCost(typed, word))).toEqual([...alone].reverse());
      for (const [k, word] of intended.entries()) {
        errorCost(typed, word, 0.1);
        expect(errorCost(typed, intended[(k + 1) % intended.length]!)).toBe(alone[(k + 1) % intended.length]);
      }
      // And read from within a longer text.
      const text = intended.join('');
      let from = 0;
      for (const [k, word] of intended.entries()) {
        expect(spanErrorCost(typed, text, from, from + word.length)).toBe(alone[k]);
        from += word.length;
      }
    }
  });

  test('keeps its working memory to itself: another model in between changes nothing', () => {
    const other = new ErrorModel();
    const alone = ['separate', 'separated', 'sepal'].map((word) => new ErrorModel().errorCost('seperate', word));
    expect(['separate', 'separated', 'sepal'].map((word) => (other.errorCost('quaties', word), errorCost('seperate', word)))).toEqual(alone);
  });

  test('scores words longer than the room it starts with (32 letters) as it scores short ones', () => {
    const long = 'pneumonoultramicroscopicsilicovolcanoconiosis';
    const doubled = errorCost('accross', 'across');
    expect(errorCost(long.replace('volcano', 'vollcano'), long)).toBe(doubled);
    expect(errorCost(long, long)).toBe(0);
    expect(errorCost('accross', 'across')).toBe(doubled);
    // A long intended word for a short typed one, and back: the same cost before and after.
    const first = errorCost('coniosis', long);
    errorCost(long, 'coniosis');
    expect(errorCost('coniosis', long)).toBe(first);
    // 37 letters left out: at most one each, at least the floor.
    expect(first).toBeLessThanOrEqual(37);
    expect(first).toBeGreaterThanOrEqual(spanCostFloor('coniosis', long, 0, long.length, 37));
  });

  test('never costs less than spanCostFloor says', () => {
    const pairs: [string, string, number][] = [
      ['nite', 'night', 3], ['lauf', 'laugh', 2], ['dont', "don't", 1], ['acomodate', 'accommodate', 2], ['xqz', 'abc', 3],
      ['tho', 'though', 3], ['yrea', 'year', 2], ['suburburban', 'suburban', 3], ['repetion', 'repetition', 2],
      ['quaties', 'qualities', 2], ['hown', 'shown', 1], ['equiries', 'inquiries', 2],
    ];
    for (const [typed, intended, distance] of pairs) expect(errorCost(typed, intended)).toBeGreaterThanOrEqual(spanCostFloor(typed, intended, 0, intended.length, distance));
  });
});
