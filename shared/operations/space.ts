import { defineOperation } from './operation.ts';

export const space = defineOperation<'space', object, Record<string, never>>({
  name: 'space',
  title: 'Space correction',
  noun: 'space',
  fields: [],
  parse: () => ({}),
  answersSourceLanguage: false,
  formFields: () => '',
  resultDetails: () => '',
});
