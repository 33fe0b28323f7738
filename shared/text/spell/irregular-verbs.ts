/**
 * English irregular verbs, for a misspelling edit distance cannot explain: the regular -ed ending put
 * on a verb that has none ("teached", "seeked", "shrinked"), which writers of every age produce. The
 * intended word shares little spelling with it ("taught"), so these forms are offered as candidates
 * by rule. Base form, then the simple past and past participle forms (a slash between variants).
 */
const VERBS = `arise arose arisen|awake awoke awoken|bear bore borne|beat beat beaten|become became become|begin began begun|
bend bent bent|bet bet bet|bid bid bid|bind bound bound|bite bit bitten|bleed bled bled|blow blew blown|break broke broken|
breed bred bred|bring brought brought|broadcast broadcast broadcast|build built built|burst burst burst|buy bought bought|
cast cast cast|catch caught caught|choose chose chosen|cling clung clung|come came come|cost cost cost|creep crept crept|
cut cut cut|deal dealt dealt|dig dug dug|do did done|draw drew drawn|drink drank drunk|drive drove driven|eat ate eaten|
fall fell fallen|feed fed fed|feel felt felt|fight fought fought|find found found|flee fled fled|fling flung flung|fly flew flown|
forbid forbade forbidden|forget forgot forgotten|forgive forgave forgiven|freeze froze frozen|get got gotten/got|give gave given|
go went gone|grind ground ground|grow grew grown|hang hung hung|have had had|hear heard heard|hide hid hidden|hit hit hit|
hold held held|hurt hurt hurt|keep kept kept|kneel knelt knelt|know knew known|lay laid laid|lead led led|leave left left|
lend lent lent|let let let|lie lay lain|light lit lit|lose lost lost|make made made|mean meant meant|meet met met|
mistake mistook mistaken|overcome overcame overcome|pay paid paid|put put put|quit quit quit|read read read|ride rode ridden|
ring rang rung|rise rose risen|run ran run|say said said|see saw seen|seek sought sought|sell sold sold|send sent sent|
set set set|shake shook shaken|shed shed shed|shine shone shone|shoot shot shot|show showed shown|shrink shrank/shrunk shrunk|
shut shut shut|sing sang sung|sink sank sunk|sit sat sat|slay slew slain|sleep slept slept|slide slid slid|sling slung slung|
slit slit slit|speak spoke spoken|speed sped sped|spend spent spent|spin spun spun|spit spat spat|split split split|
spread spread spread|spring sprang sprung|stand stood stood|steal stole stolen|stick stuck stuck|sting stung stung|
stink stank stunk|stride strode stridden|strike struck struck|string strung strung|strive strove striven|swear swore sworn|
sweep swept swept|swim swam swum|swing swung swung|take took taken|teach taught taught|tear tore torn|tell told told|
think thought thought|throw threw thrown|thrust thrust thrust|tread trod trodden|undergo underwent undergone|
understand understood understood|undertake undertook undertaken|upset upset upset|wake woke woken|wear wore worn|
weave wove woven|weep wept wept|win won won|wind wound wound|withdraw withdrew withdrawn|withhold withheld withheld|
withstand withstood withstood|wring wrung wrung|write wrote written`;

const IRREGULAR = new Map<string, string[]>();
for (const entry of VERBS.split('|')) {
  const [base, ...forms] = entry.trim().split(' ');
  IRREGULAR.set(base!, [...new Set(forms.flatMap((form) => form.split('/')))]);
}

/**
 * The irregular past forms a lower-case word ending in a regular -ed may stand for: teached → taught;
 * arised → arose, arisen; quitted → quit. Empty for any other word.
 */
export function irregularPastForms(word: string): string[] {
  if (!word.endsWith('ed') || word.length < 4) return [];
  const stem = word.slice(0, -2);
  // teach-ed, arise-d, quit-t-ed (a doubled final consonant).
  const bases = [stem, `${stem}e`, stem.at(-1) === stem.at(-2) ? stem.slice(0, -1) : ''];
  return bases.flatMap((base) => IRREGULAR.get(base) ?? []);
}
