import { operationRoute } from '../../shared/http/operation-route.ts';
import { createSpellChecker } from '../../shared/text/spell/spell-checker.ts';

const checker = createSpellChecker();

export const handler = operationRoute('spell', ({ text, language, ignore }) => {
  const { output, corrections, flags, variant } = checker.correct(text, { language, ignore });
  return { output, sourceLanguage: language, details: { language, variant, corrections, flags } };
});
