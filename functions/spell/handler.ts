import { operationRoute } from '../../shared/http/operation-route.ts';
import { createSpellChecker } from '../../shared/text/spell/spell-checker.ts';

const checker = createSpellChecker();

export const handler = operationRoute('spell', ({ text }) => {
  const { output, corrections } = checker.correct(text);
  return { output, details: { corrections } };
});
