/**
 * A rough English sound key: letters that spell the same sound merged (the t of -tion, -tial… as s),
 * silent ones dropped, vowels after the first letter dropped, repeats collapsed, and a k before an s
 * merged into it, as c and s are easily mistaken there ("necessary", "nessisary" and "necasery" →
 * "nsr"; "night" and "nite" → "nt"). Words sharing it are candidates even beyond two edits.
 */
export function soundKey(word: string): string {
  const w = word
    .toLowerCase()
    .replace(/'/g, '')
    .replace(/^wr/, 'r')
    .replace(/^kn/, 'n')
    .replace(/^ps/, 's')
    .replace(/ph/g, 'f')
    .replace(/(?<=.)gh/g, '')
    .replace(/ck/g, 'k')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/(?<=.)t(?=i(?:on|an|al|ous|en))/g, 's')
    .replace(/[cq]/g, 'k')
    .replace(/z/g, 's')
    .replace(/x/g, 'ks')
    .replace(/dg/g, 'j')
    .replace(/(?<=.)[wh]/g, '');
  let key = VOWEL.test(w.charAt(0)) ? 'a' : w.charAt(0);
  for (let i = 1; i < w.length; i++) {
    const c = w.charAt(i);
    if (!VOWEL.test(c) && c !== key.charAt(key.length - 1)) key += c;
  }
  return key.replace(/(?<=.)ks/g, 's').replace(/ss/g, 's');
}

const VOWEL = /[aeiouy]/;
