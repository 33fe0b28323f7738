/**
 * How large a page may be. The load balancer takes at most 1 MB from a Lambda; pages stay under
 * half of that, HTML or JSON, however large the records.
 */
export const MAX_PAGE_BYTES = 512 * 1024;

/** What a page adds around its rows or its record: the stylesheet, navigation, form and headings. */
export const PAGE_FRAME_BYTES = 16 * 1024;

export const utf8Bytes = (text: string) => Buffer.byteLength(text);

/**
 * How many of the items, from the first, fit in `budget` bytes by every measure (one per format):
 * a page stops before the item that would go over in either.
 */
export function fittingCount<T>(items: readonly T[], measures: ReadonlyArray<(item: T) => number>, budget: number): number {
  const totals = measures.map(() => 0);
  for (const [i, item] of items.entries()) {
    for (const [m, measure] of measures.entries()) {
      totals[m]! += measure(item);
      if (totals[m]! > budget) return i;
    }
  }
  return items.length;
}
