/** The behaviour every backend must show; run by each backend's test file. */
import { describe, expect, it, beforeAll, afterAll } from '@jest/globals';
import type { RecordEntry, RecordStore, TextRecord, TranslationCacheKey } from '../../shared/db/record.ts';
import { MAX_STORED_BYTES, PREVIEW_CHARS, storedBytes } from '../../shared/db/record-size.ts';
import { MIGRATIONS } from '../../shared/db/sql.ts';

/** A short record as the list shows it: whole texts, no details. */
const entryOf = ({ details: _details, ...record }: TextRecord): RecordEntry => ({ ...record, inputTruncated: false, outputTruncated: false });

export function describeStoreContract(name: string, open: () => Promise<{ store: RecordStore; cleanup(): Promise<void> }>) {
  describe(`record store on ${name}`, () => {
    let store: RecordStore;
    let cleanup: () => Promise<void>;

    beforeAll(async () => {
      ({ store, cleanup } = await open());
      expect(await store.migrate()).toEqual(MIGRATIONS.map((m) => m.version));
    });
    afterAll(async () => {
      await store.close();
      await cleanup();
    });

    it('migrates idempotently', async () => {
      expect(await store.migrate()).toEqual([]);
    });

    it('saves and returns records newest first with every field intact', async () => {
      const tricky = 'Ünïcödé 😀 <script>alert(1)</script> \'; DROP TABLE records; -- \n\ttab "quotes" 中文';
      const a = await store.save({ id: 'contract-a', operation: 'spell', input: tricky, output: 'out a', sourceLanguage: null });
      const b = await store.save({ id: null, operation: 'translate', input: 'hola', output: 'hello', sourceLanguage: 'es' });
      expect(b.seq).toBeGreaterThan(a.seq);
      expect(a.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      const { records } = await store.list({ limit: 2 });
      expect(records).toEqual([b, a].map(entryOf));
      expect(records[1]!.input).toBe(tricky);
      expect(await store.get(a.seq)).toEqual(a);
      expect(await store.get(b.seq + 1000)).toBeNull();
    });

    it('lists the texts\' first characters, cut between characters alike on every backend, and flags the cut', async () => {
      const family = '👩‍👩‍👧‍👦'; // seven code points, one character
      const texts = [
        'x'.repeat(PREVIEW_CHARS),
        'é'.repeat(PREVIEW_CHARS + 1),
        `${'a'.repeat(PREVIEW_CHARS - 3)}${family} and more`,
        '😀'.repeat(5_000),
        `${'e'.repeat(PREVIEW_CHARS - 1)}e\u0301 accent`,
      ];
      const saved = [];
      for (const text of texts) saved.push(await store.save({ id: 'preview', operation: 'space', input: text, output: `${text}!`, sourceLanguage: null, summary: 'unchanged' }));
      const { records } = await store.list({ limit: texts.length, id: 'preview' });
      expect(records.reverse().map((r) => [r.input, r.inputTruncated])).toEqual([
        [texts[0], false],
        ['é'.repeat(PREVIEW_CHARS), true],
        ['a'.repeat(PREVIEW_CHARS - 3), true],
        ['😀'.repeat(PREVIEW_CHARS), true],
        ['e'.repeat(PREVIEW_CHARS - 1), true],
      ]);
      expect(records[0]).toEqual(expect.objectContaining({ output: `${texts[0]!.slice(0, PREVIEW_CHARS)}`, outputTruncated: true, summary: 'unchanged' }));
      expect(records[0]).not.toHaveProperty('details');
      expect(await store.get(saved[3]!.seq)).toEqual(saved[3]);
    });

    it("keeps each record's details as it was given, and null where there were none", async () => {
      const details = {
        corrections: [{ offset: 0, length: 3, original: 'Teh', replacement: 'The', alternatives: ['Ten', 'Tea'], confidence: 0.97 }],
        flags: [{ offset: 4, length: 7, original: 'Wojciech', reason: 'name', alternatives: [] }],
        provider: 'apertium',
        route: ['fr', 'es', 'en'],
        detection: { language: 'fr', confidence: 0.5 },
        unknownWords: 0,
        note: 'Ünïcödé 😀 <b>x</b> \'; DROP TABLE records; -- "q" \\ 中文\n',
        nothing: null,
        yes: true,
      };
      const corrections = (count: number) => Array.from({ length: count }, (_, i) => ({ offset: i * 10, length: 9, original: `wrd${i}`, replacement: `word${i}`, alternatives: ['a', 'b', 'c'] }));
      const big = { corrections: corrections(600) };
      const withDetails = await store.save({ id: 'details', operation: 'spell', input: 'Teh Wojciech', output: 'The Wojciech', sourceLanguage: null, details });
      const large = await store.save({ id: 'details', operation: 'spell', input: 'x', output: 'x', sourceLanguage: null, details: big });
      const without = await store.save({ id: 'details', operation: 'space', input: 'ab', output: 'ab', sourceLanguage: null });
      expect(withDetails.details).toEqual(details);
      expect(without.details).toBeNull();
      const { records } = await store.list({ limit: 3, id: 'details' });
      expect(records).toEqual([without, large, withDetails].map(entryOf));
      expect(await store.get(withDetails.seq)).toEqual(withDetails);
      expect(await store.get(large.seq)).toEqual(large);
      expect(storedBytes(large)).toBeGreaterThan(MAX_STORED_BYTES * 0.9);
    });

    it('refuses a record over MAX_STORED_BYTES with TEXT_TOO_LONG, and stores nothing of it', async () => {
      const corrections = Array.from({ length: 800 }, (_, i) => ({ offset: i * 10, length: 9, original: `wrd${i}`, replacement: `word${i}`, alternatives: ['a', 'b', 'c'] }));
      for (const record of [
        { id: 'too-large', operation: 'spell' as const, input: 'x', output: 'x', sourceLanguage: null, details: { corrections } },
        { id: 'too-large', operation: 'spell' as const, input: '😀'.repeat(8_000), output: '😀'.repeat(8_000), sourceLanguage: null },
      ]) {
        await expect(store.save(record)).rejects.toMatchObject({ code: 'TEXT_TOO_LONG', status: 413 });
      }
      expect((await store.list({ limit: 5, id: 'too-large' })).records).toEqual([]);
    });

    it('pages with a keyset and filters by id and operation', async () => {
      const saved = [];
      for (let i = 0; i < 5; i++) {
        saved.push(await store.save({ id: 'pager', operation: i % 2 ? 'space' : 'spell', input: `in ${i}`, output: `out ${i}`, sourceLanguage: null }));
      }
      const first = await store.list({ limit: 2, id: 'pager' });
      expect(first.records.map((r) => r.input)).toEqual(['in 4', 'in 3']);
      expect(first.nextBeforeSeq).toBe(saved[3]!.seq);
      const second = await store.list({ limit: 2, id: 'pager', beforeSeq: first.nextBeforeSeq! });
      expect(second.records.map((r) => r.input)).toEqual(['in 2', 'in 1']);
      const third = await store.list({ limit: 2, id: 'pager', beforeSeq: second.nextBeforeSeq! });
      expect(third.records.map((r) => r.input)).toEqual(['in 0']);
      expect(third.nextBeforeSeq).toBeNull();

      const spaces = await store.list({ limit: 10, id: 'pager', operation: 'space' });
      expect(spaces.records.map((r) => r.input)).toEqual(['in 3', 'in 1']);
      expect((await store.list({ limit: 10, id: 'PAGER' })).records).toEqual([]);
    });

    describe('translation cache', () => {
      const key: TranslationCacheKey = { provider: 'google', source: 'auto', target: 'en', textHash: 'a'.repeat(64) };

      it('misses a key never saved', async () => {
        expect(await store.findTranslation(key)).toBeNull();
      });

      it('returns what was saved, text intact', async () => {
        const text = 'Ünïcödé 😀 <b>x</b> \'; DROP TABLE translation_cache; -- 中文\n'.repeat(3);
        await store.saveTranslation(key, { text, sourceLanguage: 'es' });
        expect(await store.findTranslation(key)).toEqual({ text, sourceLanguage: 'es' });
      });

      it('keeps the count of unknown words, zero included, and replaces it with the text', async () => {
        const counted: TranslationCacheKey = { ...key, provider: 'apertium', source: 'fr', textHash: 'd'.repeat(64) };
        await store.saveTranslation(counted, { text: 'one *deux', sourceLanguage: 'fr', unknownWords: 1 });
        expect(await store.findTranslation(counted)).toEqual({ text: 'one *deux', sourceLanguage: 'fr', unknownWords: 1 });
        await store.saveTranslation(counted, { text: 'one two', sourceLanguage: 'fr', unknownWords: 0 });
        expect(await store.findTranslation(counted)).toStrictEqual({ text: 'one two', sourceLanguage: 'fr', unknownWords: 0 });
        await store.saveTranslation(counted, { text: 'one two', sourceLanguage: 'fr' });
        expect(await store.findTranslation(counted)).toStrictEqual({ text: 'one two', sourceLanguage: 'fr' });
      });

      it('tells keys apart by every part, exactly', async () => {
        const base: TranslationCacheKey = { provider: 'apertium', source: 'ca', target: 'en', textHash: 'b'.repeat(64) };
        await store.saveTranslation(base, { text: 'base', sourceLanguage: 'ca' });
        for (const other of [
          { ...base, provider: 'google' },
          { ...base, provider: 'APERTIUM' },
          { ...base, source: 'es' },
          { ...base, target: 'fr' },
          { ...base, textHash: 'B'.repeat(64) },
        ]) {
          expect(await store.findTranslation(other)).toBeNull();
        }
        expect(await store.findTranslation(base)).toEqual({ text: 'base', sourceLanguage: 'ca' });
      });

      it('saving a key again replaces its value instead of failing', async () => {
        const again: TranslationCacheKey = { ...key, textHash: 'c'.repeat(64) };
        await store.saveTranslation(again, { text: 'first', sourceLanguage: null });
        await Promise.all([store.saveTranslation(again, { text: 'second', sourceLanguage: 'pt' }), store.saveTranslation(again, { text: 'second', sourceLanguage: 'pt' })]);
        expect(await store.findTranslation(again)).toEqual({ text: 'second', sourceLanguage: 'pt' });
      });

      it('keeps cached translations out of the record list', async () => {
        const { records } = await store.list({ limit: 200 });
        expect(records.map((r) => r.output)).not.toContain('second');
      });
    });
  });
}
