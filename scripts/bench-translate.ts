/**
 * npm run bench:translate — latency per translation engine and accuracy and speed of the language
 * detectors considered. Google runs against the loopback stand-in of its v2 API (so the numbers
 * are the client's own overhead, not Google's), Apertium through its installed command line.
 */
import { performance } from 'node:perf_hooks';
import { startGoogleTranslateStub } from '../test/google-translate-server.ts';
import { DETECTION_SAMPLE } from '../test/translate/detection-sample.ts';
import { createApertiumCliEngine, findApertiumCommand } from '../shared/translate/apertium-translator.ts';
import { createGoogleEngine } from '../shared/translate/google-translator.ts';
import { createTranslationService } from '../shared/translate/translation-service.ts';
import type { Translator } from '../shared/translate/translator.ts';
import { quantile } from './bench-stats.ts';

const ms = (n: number) => n.toFixed(1);

async function latency(translator: Translator, texts: Array<{ text: string; source?: string }>, rounds: number): Promise<string> {
  await translator.translate(texts[0]!); // warm-up: client construction, first connection
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const request of texts) {
      const started = performance.now();
      await translator.translate(request);
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  return `${times.length} calls  p50 ${ms(quantile(times, 0.5))} ms  p95 ${ms(quantile(times, 0.95))} ms  max ${ms(times.at(-1)!)} ms`;
}

const spanish = DETECTION_SAMPLE.filter((s) => s.language === 'es').flatMap((s) => [s.short, s.medium]);
const longSpanish = Array.from({ length: 130 }, (_, i) => `Esta es la frase número ${i} de un texto largo sobre el río.`).join(' ');

// Detection first: its load times are only meaningful before anything imports eld.
console.log(`## Language detection (${DETECTION_SAMPLE.length} languages, one short and one medium sentence each)\n`);
console.log('| library | load ms | short correct | medium correct | reliable | µs per text |');
console.log('|---|---|---|---|---|---|');
// Only eld is installed: franc and tinyld were considered but would be extra dependencies, and eld
// already detects every sentence of the sample with each of its four databases.
for (const size of ['extrasmall', 'small', 'medium', 'large']) {
  const started = performance.now();
  const { eld } = await import(`eld/${size}`);
  const loadMs = performance.now() - started;
  const texts = DETECTION_SAMPLE.flatMap((s) => [s.short, s.medium]);
  let short = 0;
  let medium = 0;
  let reliable = 0;
  for (const sample of DETECTION_SAMPLE) {
    const a = eld.detect(sample.short);
    const b = eld.detect(sample.medium);
    if (a.language === sample.language) short++;
    if (b.language === sample.language) medium++;
    reliable += Number(a.isReliable()) + Number(b.isReliable());
  }
  const rounds = 200;
  const timed = performance.now();
  for (let i = 0; i < rounds; i++) for (const text of texts) eld.detect(text);
  const perText = ((performance.now() - timed) * 1000) / (rounds * texts.length);
  const n = DETECTION_SAMPLE.length;
  console.log(`| eld ${size}${size === 'medium' ? ' (bundled)' : ''} | ${loadMs.toFixed(0)} | ${short}/${n} | ${medium}/${n} | ${reliable}/${2 * n} | ${perText.toFixed(0)} |`);
}

// The translation service loads the bundled eld database, as the Lambda does at cold start.
const { createEldDetector } = await import('../shared/translate/language-detector.ts');
const detector = createEldDetector();

console.log('\n## Translation latency (no cache)\n');
const stub = await startGoogleTranslateStub();
process.env.GOOGLE_CLOUD_TRANSLATE_ENDPOINT = stub.endpoint;
const google = createTranslationService({ engine: createGoogleEngine({ apiKey: 'bench' }), detector });
console.log(`google (loopback stand-in), short/medium sentences: ${await latency(google, spanish.map((text) => ({ text })), 25)}`);
console.log(`google (loopback stand-in), ${longSpanish.length} characters: ${await latency(google, [{ text: longSpanish }], 10)}`);
await stub.close();

const command = findApertiumCommand(process.env.PATH);
if (!command) {
  console.log('apertium: not installed (apt-get install apertium apertium-eng-spa …)');
} else {
  const apertium = createTranslationService({ engine: createApertiumCliEngine({ command }), detector });
  const pairs: Array<[string, string]> = [
    ['es', 'El perro come una manzana roja en la cocina.'],
    ['ca', 'El gos menja una poma vermella a la cuina.'],
    ['gl', 'O can come unha mazá vermella na cociña.'],
    ['eo', 'La hundo manĝas ruĝan pomon en la kuirejo.'],
    ['eu', 'Txakurrak sagar gorri bat jaten du sukaldean.'],
    ['is', 'Hundurinn borðar rautt epli í eldhúsinu.'],
    ['hr', 'Pas jede crvenu jabuku u kuhinji.'],
    ['mk', 'Кучето јаде црвено јаболко во кујната.'],
  ];
  for (const [source, text] of pairs) {
    console.log(`apertium ${source}: ${await latency(apertium, [{ text, source }], 5)}`);
  }
  console.log(`apertium es, ${longSpanish.length} characters: ${await latency(apertium, [{ text: longSpanish, source: 'es' }], 3)}`);
}

