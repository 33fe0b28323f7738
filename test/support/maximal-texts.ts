/**
 * The largest request of each operation, by what it makes a record and its list row weigh: the
 * most characters MAX_TEXT_CHARS allows (10,000, the default), chosen to be the longest once
 * stored, escaped in HTML or JSON, or sent back by the Data API.
 */
const MAX_CHARS = 10_000;

const fill = (unit: string) => {
  let text = '';
  while ([...text].length + [...unit].length <= MAX_CHARS) text += unit;
  return text;
};

export const MAXIMAL_REQUESTS = {
  // English with every other word misspelled: the most corrections a text carries.
  spell: { text: fill('Teh qiuck borwn fox jmups oevr the lazy dgo whlie poeple recieve lettres. '), id: 'x'.repeat(64) },
  // Words run together among the character HTML escapes longest (`&quot;`, 6 bytes).
  space: { text: fill(`${'"'.repeat(400)}Thequickbrownfox`), id: '"'.repeat(64) },
  // Control characters (6 bytes in JSON) and 4-byte characters: the longest in JSON and in a Data API answer.
  translate: { text: fill('\u0001\u0002\u0003😀'), source: 'es', id: '😀'.repeat(64) },
} as const;
