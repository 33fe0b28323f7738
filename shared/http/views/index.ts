/** Each operation's view, by the model's names: the pages take an operation's HTML from here. */
import type { Operation } from '../../model.ts';
import { spaceView } from './space.ts';
import { spellView } from './spell.ts';
import { translateView } from './translate.ts';
import type { OperationView } from './view.ts';

const OPERATION_VIEWS = { spell: spellView, space: spaceView, translate: translateView } satisfies Record<Operation, unknown>;

/** What the handler of operation N supplies for its form and GET's JSON. */
export type FormDataOf<N extends Operation> = (typeof OPERATION_VIEWS)[N] extends OperationView<infer _D, infer F> ? F : never;

/** Any operation's view, as the shared pages use it. */
export const viewOf = (name: Operation): OperationView => OPERATION_VIEWS[name] as unknown as OperationView;
