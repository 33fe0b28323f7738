import { routesIntoEnglish } from './routes.ts';

const pairsOf = (routes: Map<string, { pairs: string[] }>) => Object.fromEntries([...routes].map(([code, { pairs }]) => [code, pairs.join('+')]));

test('routesIntoEnglish maps plain pairs into English to ISO 639-1, ignoring variants and other directions', () => {
  const routes = routesIntoEnglish(['spa-eng', 'spa-eng_US', 'eng-spa', 'eo-en', 'eo-en-compounds', 'hbs-eng', 'Cyrl-Latn', 'xyz-eng', 'mkd-eng']);
  expect(pairsOf(routes)).toEqual({ es: 'spa-eng', eo: 'eo-en', sr: 'hbs-eng', hr: 'hbs-eng', bs: 'hbs-eng', mk: 'mkd-eng' });
});

test('routesIntoEnglish chains a pair into a language that reaches English, Spanish before Catalan, direct pairs first', () => {
  const routes = routesIntoEnglish(['spa-eng', 'cat-eng', 'fr-es', 'fr-ca', 'oc-ca', 'oc-es', 'es-pt', 'pt-es', 'ita-spa', 'arg-spa', 'oc_aran-es', 'eco-fr-es', 'gl-es', 'gl-en', 'es-ca']);
  expect(pairsOf(routes)).toEqual({
    es: 'spa-eng', ca: 'cat-eng', gl: 'gl-en',
    fr: 'fr-es+spa-eng', oc: 'oc-es+spa-eng', pt: 'pt-es+spa-eng', it: 'ita-spa+spa-eng', an: 'arg-spa+spa-eng',
  });
  expect(routes.get('fr')!.route).toEqual(['fr', 'es', 'en']);
  expect(routes.get('es')!.route).toEqual(['es', 'en']);
});
