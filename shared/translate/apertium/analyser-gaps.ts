/**
 * Everyday words a pair's analyser lacks, counted as known when detection measures how much of a
 * text each language's dictionary knows. Built by running the commonest words of each language
 * (the top of hermitdave/FrequencyWords' OpenSubtitles 2018 lists, and the personal pronouns and
 * clitics of its grammar) through the installed analyser and keeping the ones it marks unknown;
 * docs/translation.md names the source. Keyed by the pair whose analyser lacks them; lower case,
 * Serbian in the Latin script hbs-eng reads.
 */
export const ANALYSER_GAPS: Readonly<Record<string, readonly string[]>> = {
  'hbs-eng': ['se', 'mi', 'ja', 'me', 'ga', 'ima', 'vas', 'nas', 'nju', 'im', 'mu', 'nam', 'vam', 'molim'],
  'isl-eng': ['viltu', 'geturðu', 'veistu', 'heldurðu', 'þarftu', 'herra'],
  'mkd-eng': ['молам', 'здраво'],
};
