import type { SpaceEdit } from '../text/space/index.ts';
import { counted, defineOperation } from './operation.ts';

export interface SpaceDetails {
  /** Each space added or removed and each line-end hyphen removed, in input offsets; records stored before edits existed lack them. */
  edits: SpaceEdit[];
  [field: string]: unknown;
}

const spaces = (text: string) => text.match(/\s/gu)?.length ?? 0;

/** A removed line-end hyphen's edit takes the hyphen with the whitespace after it. */
const isHyphen = (edit: Pick<SpaceEdit, 'original'>) => edit.original.startsWith('-');

/** For records without edits: the change in the number of whitespace characters. */
function spacesSummary(input: string, output: string): string {
  const added = spaces(output) - spaces(input);
  if (added > 0) return `${counted(added, 'space')} added`;
  if (added < 0) return `${counted(-added, 'space')} removed`;
  return output === input ? 'unchanged' : 'spaces moved';
}

export const space = defineOperation<'space', object, SpaceDetails>({
  name: 'space',
  title: 'Space correction',
  action: 'Fix spaces',
  description: 'Fix the spaces in English text: split words run together, join words split apart, and see every change marked.',
  noun: 'space',
  fields: [],
  parse: () => ({}),
  answersSourceLanguage: false,
  summary: ({ input, output, details: { edits } }) => {
    if (!edits) return spacesSummary(input, output);
    const added = edits.filter((edit) => edit.replacement !== '').length;
    const hyphens = edits.filter(isHyphen).length;
    const removed = edits.length - added - hyphens;
    const parts = [added && `${counted(added, 'space')} added`, removed && `${counted(removed, 'space')} removed`, hyphens && `${counted(hyphens, 'line-end hyphen')} removed`].filter(Boolean);
    return parts.length ? parts.join(', ') : 'unchanged';
  },
});
