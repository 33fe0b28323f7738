/** Abbreviations whose full stop ends no sentence, lower case, for the space and spelling engines. */

/** Titles before a name ("Mr. and Mrs. Smith"): after their full stop comes a space and the name. */
export const TITLES: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'messrs', 'mme', 'mlle', 'prof', 'rev', 'gen', 'col', 'capt', 'lt', 'sgt', 'jr', 'sr']);

/** Every abbreviation whose full stop ends no sentence: the titles, and those of running text. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([...TITLES, 'vs', 'etc', 'no', 'vol', 'fig', 'cf', 'al', 'ca']);
