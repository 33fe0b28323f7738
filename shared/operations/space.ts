import { counted, defineOperation } from './operation.ts';

const spaces = (text: string) => text.match(/\s/gu)?.length ?? 0;

export const space = defineOperation<'space', object, Record<string, never>>({
  name: 'space',
  title: 'Space correction',
  noun: 'space',
  fields: [],
  parse: () => ({}),
  answersSourceLanguage: false,
  formFields: () => '',
  summary: ({ input, output }) => {
    const added = spaces(output) - spaces(input);
    if (added > 0) return `${counted(added, 'space')} added`;
    if (added < 0) return `${counted(-added, 'space')} removed`;
    return output === input ? 'unchanged' : 'spaces moved';
  },
  resultDetails: () => '',
});
