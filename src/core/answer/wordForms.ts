/**
 * Word forms a suffix stemmer cannot join: irregular verbs ("wrote" and "written" are "write"), number words
 * and ordinals ("third" is "3rd", "six" is "6"), decades ("1970s", "1970's"). English only; other languages
 * keep their words as they are.
 */

const IRREGULAR_EN = `arise arose arisen|awake awoke awoken|bear bore borne born|beat beaten|become became|begin began begun|
bend bent|bind bound|bite bit bitten|bleed bled|blow blew blown|break broke broken|breed bred|bring brought|
build built|burn burnt|buy bought|catch caught|choose chose chosen|cling clung|creep crept|deal dealt|dig dug|
draw drew drawn|dream dreamt|drink drank drunk|drive drove driven|eat ate eaten|fall fell fallen|feed fed|feel felt|
fight fought|find found|flee fled|fly flew flown|forbid forbade forbidden|forget forgot forgotten|forgive forgave forgiven|
freeze froze frozen|give gave given|go went gone|grind ground|grow grew grown|hang hung|hear heard|hide hid hidden|
hold held|keep kept|know knew known|lay laid|lead led|lean leant|leave left|lend lent|lie lay lain|lose lost|
mean meant|meet met|overcome overcame|overthrow overthrew overthrown|pay paid|ride rode ridden|ring rang rung|
rise rose risen|run ran|seek sought|sell sold|send sent|shake shook shaken|shine shone|shoot shot|show shown|
shrink shrank shrunk|sing sang sung|sink sank sunk|sit sat|sleep slept|slide slid|speak spoke spoken|speed sped|
spend spent|spin spun|stand stood|steal stole stolen|stick stuck|sting stung|strike struck stricken|strive strove striven|
swear swore sworn|sweep swept|swim swam swum|swing swung|teach taught|tear tore torn|tell told|think thought|
throw threw thrown|undergo underwent undergone|understand understood|undertake undertook undertaken|uphold upheld|
wake woke woken|wear wore worn|weave wove woven|weep wept|win won|wind wound|withdraw withdrew withdrawn|
withhold withheld|write wrote written|take took taken|fight fought|forsake forsook forsaken|rebuild rebuilt|
rewrite rewrote rewritten|mistake mistook mistaken|foresee foresaw foreseen|outgrow outgrew outgrown`;

const NUMBERS_EN = `one first|two second|three third|four fourth|five fifth|six sixth|seven seventh|eight eighth|nine ninth|
ten tenth|eleven eleventh|twelve twelfth|thirteen thirteenth|fourteen fourteenth|fifteen fifteenth|sixteen sixteenth|
seventeen seventeenth|eighteen eighteenth|nineteen nineteenth|twenty twentieth|thirty thirtieth|forty fortieth|
fifty fiftieth|sixty sixtieth|seventy seventieth|eighty eightieth|ninety ninetieth|hundred hundredth`;

function irregularTable(): Map<string, string> {
  const table = new Map<string, string>();
  for (const group of IRREGULAR_EN.split('|')) {
    const [base, ...forms] = group.trim().split(/\s+/u);
    for (const form of forms) table.set(form, base!);
  }
  return table;
}

/** English number words as digits and ordinals as "3rd": "third" and "3rd" meet, "six" and "6" too. */
function numberTable(): Map<string, string> {
  const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 30, 40, 50, 60, 70, 80, 90, 100];
  const table = new Map<string, string>();
  NUMBERS_EN.split('|').forEach((group, i) => {
    const [cardinal, ordinal] = group.trim().split(/\s+/u);
    const n = values[i]!;
    table.set(cardinal!, String(n));
    table.set(ordinal!, ordinalOf(n));
  });
  // "first" also means "earliest", which "1st" rarely does; "second" is also a unit of time.
  table.delete('first');
  table.delete('second');
  return table;
}

function ordinalOf(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

const TABLES: Record<string, Map<string, string>> = {
  en: new Map([...irregularTable(), ...numberTable()]),
};

/** A lowercase word in the form it is matched in, before stemming. */
export function baseForm(word: string, lang: string | undefined): string {
  if (/^\p{N}+s$/u.test(word)) return word.slice(0, -1);
  return TABLES[lang ?? '']?.get(word) ?? word;
}
