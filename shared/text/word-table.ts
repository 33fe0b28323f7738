/**
 * Word ids 0…n − 1 in an open-addressing hash table (linear probing) by the words' FNV-1a hashes:
 * a word is found from a span of any text, hashed while it is scanned, without making a string of
 * it. The words stay where their owner keeps them; `equals` compares word `id` with text[from, to).
 */
export class WordTable {
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(
    count: number,
    hashOf: (id: number) => number,
    private readonly equals: (id: number, text: string, from: number, to: number) => boolean,
  ) {
    this.slots = new Int32Array(2 ** Math.ceil(Math.log2(Math.max(2, count * 2)))).fill(-1);
    this.mask = this.slots.length - 1;
    for (let id = 0; id < count; id++) {
      let slot = this.slotOf(hashOf(id));
      while (this.slots[slot] !== -1) slot = (slot + 1) & this.mask;
      this.slots[slot] = id;
    }
  }

  /** Id of the word text[from, to), given its hash (hashSpan or extendHash); −1 when it has none. */
  find(hash: number, text: string, from: number, to: number): number {
    for (let slot = this.slotOf(hash); ; slot = (slot + 1) & this.mask) {
      const id = this.slots[slot]!;
      if (id === -1 || this.equals(id, text, from, to)) return id;
    }
  }

  /** FNV-1a's low bits are weak: a multiplicative mix (Fibonacci hashing) spreads them before masking. */
  private slotOf(hash: number): number {
    return (Math.imul(hash, 0x9e3779b1) >>> 8) & this.mask;
  }
}

/** Hash of the empty word; extendHash adds one UTF-16 code unit, so text can be hashed while it is scanned. */
export const EMPTY_WORD_HASH = 0x811c9dc5;

export function extendHash(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

/** extendHash over text[from, to). */
export function hashSpan(text: string, from: number, to: number): number {
  let hash = EMPTY_WORD_HASH;
  for (let k = from; k < to; k++) hash = extendHash(hash, text.charCodeAt(k));
  return hash;
}
