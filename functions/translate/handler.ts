import { operationRoute } from '../../shared/http/operation-route.ts';
import { selectTranslator } from '../../shared/translate/select-translator.ts';

const translator = selectTranslator(process.env);

export const handler = operationRoute('translate', async ({ text, source }) => {
  const translation = await translator.translate({ text, source });
  return { output: translation.text, sourceLanguage: translation.sourceLanguage, details: { provider: translation.provider } };
});
