/**
 * The operations, each declared once in its own module: validation, the form, the result page,
 * the record filter and the navigation all come from this list. A new operation is an engine, a
 * handler (functions/<name>/handler.ts) and a descriptor added here.
 */
import type { OperationDescriptor } from './operation.ts';
import { space } from './space.ts';
import { spell } from './spell.ts';
import { translate } from './translate.ts';

export const OPERATION_DESCRIPTORS = [spell, space, translate] as const;

export type AnyOperation = (typeof OPERATION_DESCRIPTORS)[number];
export type Operation = AnyOperation['name'];
export const OPERATIONS: readonly Operation[] = OPERATION_DESCRIPTORS.map((descriptor) => descriptor.name);

export type DescriptorOf<N extends Operation> = Extract<AnyOperation, { name: N }>;
export type FieldsOf<N extends Operation> = DescriptorOf<N> extends OperationDescriptor<N, infer F, infer _D, infer _P> ? F : never;
export type DetailsOf<N extends Operation> = DescriptorOf<N> extends OperationDescriptor<N, infer _F, infer D, infer _P> ? D : never;
export type FormDataOf<N extends Operation> = DescriptorOf<N> extends OperationDescriptor<N, infer _F, infer _D, infer P> ? P : never;

export const descriptorOf = <N extends Operation>(name: N): DescriptorOf<N> =>
  OPERATION_DESCRIPTORS.find((descriptor) => descriptor.name === name) as DescriptorOf<N>;

/** Any operation's descriptor, as the shared pages use it. */
export const describeOperation = (name: Operation): OperationDescriptor => descriptorOf(name) as unknown as OperationDescriptor;
