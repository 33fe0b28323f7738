import { operationRoute } from '../../shared/http/operation-route.ts';
import { createSpellingEngine } from '../../shared/text/spell/index.ts';

const spelling = createSpellingEngine();

export const handler = operationRoute('spell', async ({ text, language, ignore }) => {
  const { output, corrections, flags, variant } = await spelling.check(text, { language, ignore });
  return { output, sourceLanguage: language, details: { language, variant, corrections, flags } };
});
