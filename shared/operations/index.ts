/**
 * The operations, each declared once in its own module: validation, the titles, the summaries, the
 * record filter and the navigation all come from this map, keyed by the model's names
 * (shared/model.ts); their HTML is their views' (shared/http/views). A new operation is an engine,
 * a descriptor here with its view, a handler (functions/<name>/handler.ts) and its function in
 * resources/functions.cjs.
 */
import type { Operation } from '../model.ts';
import type { OperationDescriptor } from './operation.ts';
import { space } from './space.ts';
import { spell } from './spell.ts';
import { translate } from './translate.ts';

// For the tests and scripts that go through every operation.
export { OPERATIONS, type Operation } from '../model.ts';

export const OPERATION_DESCRIPTORS = { spell, space, translate } satisfies { [N in Operation]: { name: N } };

export type DescriptorOf<N extends Operation> = (typeof OPERATION_DESCRIPTORS)[N];
export type FieldsOf<N extends Operation> = DescriptorOf<N> extends OperationDescriptor<N, infer F, infer _D> ? F : never;
export type DetailsOf<N extends Operation> = DescriptorOf<N> extends OperationDescriptor<N, infer _F, infer D> ? D : never;

export const descriptorOf = <N extends Operation>(name: N): DescriptorOf<N> => OPERATION_DESCRIPTORS[name];

/** Any operation's descriptor, as the shared pages use it. */
export const describeOperation = (name: Operation): OperationDescriptor => descriptorOf(name) as unknown as OperationDescriptor;
