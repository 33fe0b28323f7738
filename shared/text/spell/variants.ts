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

// How the variants spell one word differently, either way round (colour/color, centre/center,
// organise/organize, analyse/analyze, catalogue/catalog, anaemia/anemia, foetus/fetus,
// travelled/traveled, carburettor/carburetor, defence/defense, programme/program, licence/license, mould/mold,
// likeable/likable, judgement/judgment, grey/gray, sceptic/skeptic, plough/plow, tyre/tire,
// aluminium/aluminum, sulphur/sulfur). A word of one variant with no such counterpart in another (cheque/check,
// kerb/curb) is another word there, not another spelling.
const RESPELLINGS: ReadonlyArray<readonly [string, string]> = [
  ['our', 'or'], ['tre', 'ter'], ['bre', 'ber'], ['vre', 'ver'], ['gre', 'ger'], ['ise', 'ize'], ['isa', 'iza'], ['isi', 'izi'], ['yse', 'yze'], ['ysi', 'yzi'], ['ogue', 'og'], ['ogu', 'og'],
  ['ae', 'e'], ['oe', 'e'], ['ll', 'l'], ['tt', 't'], ['pp', 'p'], ['zz', 'z'], ['ence', 'ense'], ['mme', 'm'], ['ce', 'se'], ['ou', 'o'], ['ph', 'f'], ['eable', 'able'],
  ['gement', 'gment'], ['ey', 'ay'], ['sc', 'sk'], ['ough', 'ow'], ['yre', 'ire'], ['ium', 'um'],
];
// manoeuvre → maneuver takes two.
const MOST_RESPELLINGS = 2;

/**
 * The spellings of a lower-case word that up to MOST_RESPELLINGS of the variants' differences make
 * (the word itself left out), each with how many it took.
 */
export function respellings(word: string): Map<string, number> {
  const found = new Map([[word, 0]]);
  let frontier = [word];
  for (let step = 1; step <= MOST_RESPELLINGS; step++) {
    const next: string[] = [];
    for (const form of frontier) {
      for (const pair of RESPELLINGS) {
        for (const [from, to] of [pair, [pair[1], pair[0]]] as const) {
          for (let at = form.indexOf(from); at >= 0; at = form.indexOf(from, at + 1)) {
            const spelled = form.slice(0, at) + to + form.slice(at + from.length);
            if (!found.has(spelled)) {
              found.set(spelled, step);
              next.push(spelled);
            }
          }
        }
      }
    }
    frontier = next;
  }
  found.delete(word);
  return found;
}
