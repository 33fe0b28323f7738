import type { SpaceDetails } from '../../operations/space.ts';
import { html } from '../html.ts';
import { defineView } from './view.ts';

export const spaceView = defineView<SpaceDetails>({
  formFields: () => '',
  resultDetails: ({ edits }) =>
    edits?.length === 0
      ? html`<p class="ok">No spacing to fix.</p>`
      : edits?.length
      ? html`<h2>Changes (${edits.length})</h2><ul>${edits.map((edit) => html`<li>at ${String(edit.offset)}: ${edit.original ? html`removed “${edit.original.replace(/\n/gu, '⏎')}”` : html`added a space`}</li>`)}</ul>`
      : '',
});
