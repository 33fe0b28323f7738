/**
 * The English variants the spelling engine knows, as bits of a mask, and how a word is checked
 * against one: the loaded dictionary is the union of the four, and variants.txt (built by
 * scripts/build-text-data.ts, which checks this against each variant's own nspell) lists the forms
 * that not all four have, and the other cases of those forms, with the mask of the variants that do.
 */
export const VARIANTS = ['en-US', 'en-GB', 'en-CA', 'en-AU'] as const;
export type Variant = (typeof VARIANTS)[number];
/** What a request may ask for: one variant, or `en`, any of them. */
export const LANGUAGES = ['en', ...VARIANTS] as const;
export type SpellLanguage = (typeof LANGUAGES)[number];

export const ALL_VARIANTS = (1 << VARIANTS.length) - 1;
export const variantBit = (variant: Variant): number => 1 << VARIANTS.indexOf(variant);

/** Lines of "form mask" (mask in decimal) into a map. */
export function parseVariantMasks(text: string): Map<string, number> {
  const masks = new Map<string, number>();
  for (const line of text.split('\n')) {
    const space = line.lastIndexOf(' ');
    if (space > 0) masks.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return masks;
}

/**
 * The variants that accept a word the union dictionary accepts: those of the listed forms it may
 * stand for (as written, and in lower case or capitalised as nspell reads a word's case), or all of them when none is listed.
 */
export function variantsOf(masks: ReadonlyMap<string, number>, word: string): number {
  const plain = word.replace(/’/g, "'");
  const lower = plain.toLowerCase();
  let mask = 0;
  let listed = false;
  const capitalised = lower.charAt(0).toUpperCase() + lower.slice(1);
  // As nspell reads case: a capitalised word may be a lower-case form, one in capitals either.
  const forms = plain === lower ? [plain] : plain === plain.toUpperCase() ? [plain, lower, capitalised] : plain === capitalised ? [plain, lower] : [plain];
  for (const form of forms) {
    const found = masks.get(form);
    if (found === undefined) continue;
    listed = true;
    mask |= found;
  }
  return listed ? mask : ALL_VARIANTS;
}
