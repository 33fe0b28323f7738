import { operationRoute } from '../../shared/http/operation-route.ts';
import { checkSpelling } from '../../shared/text/spell/other-language.ts';
import { createSpellChecker } from '../../shared/text/spell/spell-checker.ts';

const checker = createSpellChecker();

export const handler = operationRoute('spell', async ({ text, language, ignore }) => {
  const { output, corrections, flags, variant } = await checkSpelling(checker, text, { language, ignore });
  return { output, sourceLanguage: language, details: { language, variant, corrections, flags } };
});
