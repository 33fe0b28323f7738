import { operationRoute } from '../../shared/http/operation-route.ts';
import { translatorSettingsFrom } from '../../shared/config.ts';
import { getStore } from '../../shared/runtime.ts';
import { selectTranslator } from '../../shared/translate/select-translator.ts';

// The cache lives in the records database; the store opens on first use, as for saving.
const translator = selectTranslator(translatorSettingsFrom(process.env), {
  cache: {
    get: async (key) => (await getStore()).findTranslation(key),
    put: async (key, value) => (await getStore()).saveTranslation(key, value),
  },
});

export const handler = operationRoute(
  'translate',
  async ({ text, source }) => {
    const { text: output, sourceLanguage, provider, detection, route, unknownWords } = await translator.translate({ text, source });
    // Details are spread into the response: only what this translation has.
    return { output, sourceLanguage, details: { provider, ...(route && { route }), ...(detection && { detection }), ...(unknownWords !== undefined && { unknownWords }) } };
  },
  { formData: async () => ({ languages: await translator.languages(), ...(translator.unavailable && { unavailable: translator.unavailable }) }) },
);
