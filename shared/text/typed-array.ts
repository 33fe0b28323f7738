/** A larger copy of `array`, with room for at least `size` numbers (twice its length, if that is more). */
export function growTo<T extends Uint32Array | Int32Array | Uint8Array | Float64Array>(array: T, size: number): T {
  const grown = new (array.constructor as new (length: number) => T)(Math.max(size, array.length * 2));
  grown.set(array);
  return grown;
}
