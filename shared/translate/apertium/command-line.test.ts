/**
 * Apertium through its real command line, on the pairs .ci/run installs (Debian's apertium and
 * apertium-* packages): these tests fail, rather than skip, where Apertium is missing.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appErrorFrom } from '../../../test/support/expectations.ts';
import { AppError } from '../../errors.ts';
import { createFluencyScorer } from '../../text/english-fluency.ts';
import { englishWords } from '../../text/english-words.ts';
import { createEldDetector } from '../language-detector.ts';
import { createTranslationService, TIE_BREAK_LANGUAGES } from '../translation-service.ts';
import { createApertiumCliEngine, findApertiumCommand } from './command-line.ts';

const command = findApertiumCommand(process.env.PATH);

describe('the apertium command', () => {
  test('is installed (.ci/run installs it with apt-get)', () => {
    expect(command).toBeDefined();
  });

  const engine = () => createApertiumCliEngine({ command: command! });

  test('lists the pairs into English that .ci/run installs', async () => {
    expect(await engine().supportedSources()).toEqual(expect.arrayContaining(['bs', 'ca', 'eo', 'es', 'eu', 'gl', 'hr', 'is', 'mk', 'sr']));
  });

  test('reaches French, Portuguese, Italian, Romanian, Occitan and Aragonese through Spanish', async () => {
    const languages = await engine().languages();
    for (const code of ['fr', 'pt', 'it', 'ro', 'oc', 'an']) {
      expect(languages).toContainEqual(expect.objectContaining({ code, route: [code, 'es', 'en'] }));
    }
    expect(languages).toContainEqual({ code: 'es', name: 'Spanish', scripts: ['Latn'] });
    expect(languages).toContainEqual({ code: 'mk', name: 'Macedonian', scripts: ['Cyrl'] });
  });

  test.each([
    ['fr', 'Le chien mange une pomme rouge dans la cuisine.', /^The dog eats a red apple in the \w+\.$/],
    ['pt', 'O cão come uma maçã vermelha na cozinha.', /\bdog eats a red apple\b/],
    ['it', 'Il cane mangia una mela rossa in cucina.', /\bdog eats a red apple\b/],
    ['ro', 'Câinele mănâncă un măr roșu în bucătărie.', /\bred apple\b/],
    ['oc', 'Lo can manja una poma roja dins la cosina.', /\bdog\b.*\bred apple\b/],
    ['an', 'O can come una mazana royo en a cozina.', /\bdog eats\b/],
  ])('chains %s through Spanish into English and says so', async (source, text, expected) => {
    const batch = await engine().translateBatch([text], source);
    expect(batch.texts[0]).toMatch(expected);
    expect(batch.route).toEqual([source, 'es', 'en']);
    expect(batch.unknownWords).toBeGreaterThanOrEqual(0);
  });

  test('counts the words no pair of a chain knew, once each, and removes their marks', async () => {
    const batch = await engine().translateBatch(["M'agrada fòrça legir de libres la nuèch."], 'oc');
    expect(batch.unknownWords).toBe(1);
    expect(batch.texts[0]).toContain('legir');
    expect(batch.texts[0]).not.toContain('*');
  });

  test('keeps the user\'s own asterisks, and then reports no count', async () => {
    const batch = await engine().translateBatch(['El perro *grande* come.'], 'es');
    // Apertium moves them with the word order ("The big *dog* eats."), but keeps them.
    expect(batch.texts[0]).toMatch(/\*\w+\*/);
    expect(batch.unknownWords).toBeUndefined();
  });

  test('transliterates Serbian Cyrillic to Latin before hbs-eng', async () => {
    const { texts } = await engine().translateBatch(['Хвала вам пуно на помоћи.'], 'sr');
    expect(texts[0]).toMatch(/^Thanks\b.*\bhelp\.$/);
    expect(texts[0]).not.toMatch(/\p{Script=Cyrillic}/u);
  });

  test('maps request tags to its own codes', async () => {
    const e = engine();
    expect(await e.codeFor('pt-BR')).toBe('pt');
    expect(await e.codeFor('sr-Latn')).toBe('sr');
    expect(await e.codeFor('spa')).toBe('es');
    expect(await e.codeFor('zh-TW')).toBeUndefined();
  });

  test('tells how many words each language\'s dictionary knows', async () => {
    const shares = await engine().knownWordShares('Hola amigo', ['es', 'pt', 'en']);
    expect(shares.get('es')).toBe(1);
    expect(shares.get('pt')).toBeLessThan(1);
    expect(shares.get('en')).toBeLessThan(1);
  });

  test('reads the text as text: the stream format\'s own characters and a NUL in it change nothing, one analysis per request', async () => {
    const e = engine();
    const plain = await e.knownWordShares('Bonjour mon ami', ['fr']);
    expect(plain.get('fr')).toBe(1);
    // An unclosed "[" would open one of the format's blanks and swallow the text after it.
    expect((await e.knownWordShares('Bonjour [mon ami', ['fr'])).get('fr')).toBe(1);
    expect((await e.knownWordShares('Bonjour\0mon ami', ['fr'])).get('fr')).toBe(1);
    const [first, second] = await Promise.all([e.knownWordShares('Hola amigo', ['es']), e.knownWordShares('Bonjour mon ami', ['es'])]);
    expect(first.get('es')).toBe(1);
    expect(second.get('es')).toBeLessThan(1);
  });

  test.each([
    ['es', 'El perro come una manzana roja en la cocina.', /^The dog eats a red apple in the \w+\.$/],
    ['ca', 'El gos menja una poma vermella a la cuina.', /^The dog eats a red apple/],
    ['gl', 'O can come unha mazá vermella na cociña.', /^The dog eats a red apple in the kitchen\.$/],
    ['eo', 'La hundo manĝas ruĝan pomon en la kuirejo.', /^The dog eats red apple in the kitchen\.$/],
    ['eu', 'Txakurrak sagar gorri bat jaten du sukaldean.', /\bdog\b.*\bred apple\b.*\bkitchen\b/],
    ['is', 'Hundurinn borðar rautt epli í eldhúsinu.', /^The dog eats red apple in the kitchen\.$/],
    ['hr', 'Pas jede crvenu jabuku u kuhinji.', /\bred apple\b/],
    ['mk', 'Кучето јаде црвено јаболко во кујната.', /^The dog is eating red\b/],
  ])('translates %s into English', async (source, text, expected) => {
    const { texts, sourceLanguage } = await engine().translateBatch([text], source);
    expect(texts[0]).toMatch(expected);
    expect(sourceLanguage).toBe(source);
  });

  test('translates under a locale the machine lacks, as serverless-offline sets LANG=en_US.UTF-8', async () => {
    const previous = process.env.LANG;
    process.env.LANG = 'en_US.UTF-8';
    try {
      const { texts } = await engine().translateBatch(['El perro come.'], 'es');
      expect(texts[0]).toBe('The dog eats.');
    } finally {
      if (previous === undefined) delete process.env.LANG;
      else process.env.LANG = previous;
    }
  });

  test('drops unknown-word marks and keeps whitespace, e-mail addresses and hashtags', async () => {
    const { texts } = await engine().translateBatch(['Xyzzyq dijo hola.', 'Hola amigo.\n\n  ¿Cómo estás?\tBien.', 'Escribe a ana@example.com #hola'], 'es');
    expect(texts[0]).toBe('Xyzzyq Said hello.');
    expect(texts.join(' ')).not.toMatch(/\*/);
    expect(texts[1]).toBe('Hello Fellow.\n\n  How you are?\tWell.');
    expect(texts[2]).toContain('ana@example.com');
    expect(texts[2]).toContain('#');
  });

  test('through the translation service: detects the source offline and translates', async () => {
    const service = createTranslationService({ engine: engine(), detector: createEldDetector() });

    expect(await service.translate({ text: 'El perro come una manzana roja en la cocina.' })).toEqual({
      text: expect.stringMatching(/^The dog eats a red apple/),
      sourceLanguage: 'es',
      provider: 'apertium',
      detection: { language: 'es', confidence: 1 },
      unknownWords: 0,
    });
    expect(await service.translate({ text: 'O cachorro come uma maçã vermelha na cozinha.' })).toEqual(
      expect.objectContaining({ sourceLanguage: 'pt', route: ['pt', 'es', 'en'], detection: expect.objectContaining({ language: 'pt' }) }),
    );
    const err = await appErrorFrom(service.translate({ text: 'Der Hund frisst einen roten Apfel in der Küche.' }));
    expect(err.code).toBe('UNSUPPORTED_LANGUAGE');
    expect(err.message).toMatch(/^apertium cannot translate from "de" \(detected; pass "source" if that is wrong\) into English; it translates from: .*\bes\b/);
  });

  test.each([
    ['Hola amigo', 'es'],
    ['Bonjour, comment allez-vous ?', 'fr'],
    ['Eu gosto muito de ler livros à noite.', 'pt'],
    ['Хвала вам пуно на помоћи.', 'sr'],
    ['Ђорђе ће доћи сутра.', 'sr'],
    ['Ќе дојдам утре', 'mk'],
    ['Þú ert góður', 'is'],
    // Words the analysers lack (analyser-gaps.ts): once taken for Esperanto, or refused.
    ['Jako mi se sviđa', 'hr'],
    ['Viltu koma?', 'is'],
  ])('through the translation service: %s is detected as %s and translated', async (text, language) => {
    const service = createTranslationService({ engine: engine(), detector: createEldDetector() });
    const translation = await service.translate({ text });
    expect(translation).toEqual(expect.objectContaining({ sourceLanguage: language, provider: 'apertium', detection: expect.objectContaining({ language }) }));
    expect(translation.text).not.toMatch(/\p{Script=Cyrillic}/u);
  });

  test('through the translation service: words no analyser knows, in a language it translates, are detected by n-grams rather than refused', async () => {
    const service = createTranslationService({ engine: engine(), detector: createEldDetector() });
    // Every analyser knows at most one word in four of it.
    expect((await service.translate({ text: 'Holaaa amigooo que tallll' })).detection).toEqual(expect.objectContaining({ language: 'es' }));
  });

  test('through the translation service: a tie is told apart by the readings only for the languages the tie-break may choose', async () => {
    // "Ata logo" (Galician, "see you later") is Portuguese word for word too; n-grams alone, which lack Galician, say Portuguese.
    const fluency = createFluencyScorer(englishWords);
    const fluent = createTranslationService({ engine: engine(), detector: createEldDetector(), fluency });
    expect(TIE_BREAK_LANGUAGES.has('gl')).toBe(true);
    expect((await fluent.translate({ text: 'Ata logo' })).detection).toEqual({ language: 'gl', confidence: 0.5, alternatives: ['pt'] });
    const withoutGalician = createTranslationService({ engine: engine(), detector: createEldDetector(), fluency, tieBreakLanguages: new Set(['oc', 'mk']) });
    expect((await withoutGalician.translate({ text: 'Ata logo' })).detection).toEqual({ language: 'pt', confidence: 0.5, alternatives: ['gl'] });
  });

  test('through the translation service: a script no pair reads is 422, text left as it was is 502', async () => {
    const service = createTranslationService({ engine: engine(), detector: createEldDetector() });
    const greek = await appErrorFrom(service.translate({ text: 'Ο σκύλος τρώει ένα κόκκινο μήλο.' }));
    expect(greek.code).toBe('UNSUPPORTED_LANGUAGE');
    expect(greek.message).toMatch(/Greek script.*Latin and Cyrillic/);
    const untranslated = await appErrorFrom(service.translate({ text: 'Ο σκύλος τρώει ένα κόκκινο μήλο.', source: 'es' }));
    expect(untranslated.code).toBe('UPSTREAM_FAILED');
    expect(untranslated.message).toMatch(/untranslated|Greek script/);
  });
});

describe('failures of the command', () => {
  let dir: string;
  const pairs = 'if [ "$1" = "-l" ]; then echo spa-eng; exit 0; fi';
  const script = (name: string, body: string) => {
    const path = join(dir, name);
    writeFileSync(path, `#!/bin/sh\n${body}\n`);
    chmodSync(path, 0o755);
    return path;
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'apertium-fake-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a failing run is UPSTREAM_FAILED and the log gets its stderr', async () => {
    const failing = createApertiumCliEngine({ command: script('fails', `${pairs}\necho "Error: mode file missing" >&2; exit 3`) });
    const err = await appErrorFrom(failing.translateBatch(['hola'], 'es'));
    expect(err.code).toBe('UPSTREAM_FAILED');
    expect(err.status).toBe(502);
    expect((err.cause as Error).message).toContain('mode file missing');
  });

  test('a run that exits 0 with no output (a crashed stage) is UPSTREAM_FAILED, never an empty translation', async () => {
    const silent = createApertiumCliEngine({ command: script('silent', `${pairs}\necho "terminate called" >&2; exit 0`) });
    const err = await appErrorFrom(silent.translateBatch(['hola'], 'es'));
    expect(err.code).toBe('UPSTREAM_FAILED');
    expect(err.message).toMatch(/no output/);
  });

  test('a run with no answer within the timeout is UPSTREAM_TIMEOUT', async () => {
    const hanging = createApertiumCliEngine({ command: script('hangs', `${pairs}\nsleep 30`), timeoutMs: 200 });
    const err = await appErrorFrom(hanging.translateBatch(['hola'], 'es'));
    expect(err.code).toBe('UPSTREAM_TIMEOUT');
    expect(err.status).toBe(504);
    expect(err.message).toMatch(/200 ms/);
  });

  test('a run the request\'s deadline overtakes is killed and answered 503 with Retry-After; none starts past it', async () => {
    const hanging = script('hangs-to-deadline', `${pairs}\nsleep 30`);
    let deadline = Date.now() + 200;
    const engine = createApertiumCliEngine({ command: hanging, timeoutMs: 10_000, deadline: () => deadline });
    const started = Date.now();
    const err = await appErrorFrom(engine.translateBatch(['hola'], 'es'));
    expect(err.code).toBe('TRANSLATION_UNAVAILABLE');
    expect(err.headers['Retry-After']).toBeDefined();
    expect(Date.now() - started).toBeLessThan(5_000);
    deadline = Date.now() - 1;
    expect((await appErrorFrom(engine.translateBatch(['adiós'], 'es'))).code).toBe('TRANSLATION_UNAVAILABLE');
  });

  test('an analyser process that ends is started again for the next request', async () => {
    // A stand-in lt-proc that answers one NUL-terminated text, then exits.
    const bin = join(dir, 'bin');
    mkdirSync(join(dir, 'data', 'modes'), { recursive: true });
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(dir, 'data', 'modes', 'spa-eng.mode'), `lt-proc -w '${dir}/spa-eng.automorf.bin' | apertium-pretransfer\n`);
    writeFileSync(join(bin, 'lt-proc'), `#!/usr/bin/env node\nprocess.stdin.on('data', (chunk) => { if (String(chunk).includes('\\0')) process.stdout.write('^hola/hola<ij>$ ^x/*x$\\0', () => process.exit(0)); });\n`);
    chmodSync(join(bin, 'lt-proc'), 0o755);
    const engine = createApertiumCliEngine({ command: script('lists', pairs), dataDir: join(dir, 'data') });
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${path}`;
    try {
      expect(await engine.knownWordShares('hola x', ['es'])).toEqual(new Map([['es', 0.5]]));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await engine.knownWordShares('hola x', ['es'])).toEqual(new Map([['es', 0.5]]));
    } finally {
      process.env.PATH = path;
    }
  });

  test('one text read as sr, hr and bs at once runs hbs-eng once; a later request runs it again', async () => {
    const runs = join(dir, 'runs');
    const counting = createApertiumCliEngine({ command: script('counts', `if [ "$1" = "-l" ]; then echo hbs-eng; exit 0; fi\necho run >> ${runs}; sleep 0.2; cat`) });
    const readings = await Promise.all(['sr', 'hr', 'bs'].map((code) => counting.translateBatch(['Dobro jutro'], code)));
    expect(readings.map((reading) => reading.texts)).toEqual([['Dobro jutro'], ['Dobro jutro'], ['Dobro jutro']]);
    expect(readFileSync(runs, 'utf8')).toBe('run\n');
    await counting.translateBatch(['Dobro jutro'], 'hr');
    expect(readFileSync(runs, 'utf8')).toBe('run\nrun\n');
  });

  test('a command that cannot be listed is UPSTREAM_FAILED, and listing is tried again next time', async () => {
    const path = script('flaky', `if [ -e ${dir}/ok ]; then echo spa-eng; else exit 1; fi`);
    const flaky = createApertiumCliEngine({ command: path });
    expect((await appErrorFrom(flaky.supportedSources())).code).toBe('UPSTREAM_FAILED');
    writeFileSync(join(dir, 'ok'), '');
    expect(await flaky.supportedSources()).toEqual(['es']);
  });
});
