/**
 * What kind of answer a sentence can give: the spans in it that name a person, an organization or a place
 * (from the article's entities), a number or a date (from its words). A "how many" question wants a sentence
 * with a number it does not itself mention, a "who" question one with a person, and so on.
 */

/** The kinds of answer a question can ask for. */
export type AnswerKind = 'person' | 'organization' | 'place' | 'other' | 'number' | 'date';

/** One span of a sentence of a kind, as lowercase words. */
export interface Marker {
  kind: AnswerKind;
  words: string[];
  /** Offset of its first word among the sentence's words. */
  at: number;
}

/** Written-out numbers and quantity words; only English has them, other languages rely on digits. */
const NUMBER_WORDS: Record<string, ReadonlySet<string>> = {
  en: new Set([
    'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen',
    'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty',
    'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'hundreds', 'thousand', 'thousands', 'million', 'millions',
    'billion', 'billions', 'trillion', 'dozen', 'dozens', 'half', 'twice', 'once', 'double', 'triple', 'percent',
  ]),
};

/** Words that make a date or a period of time without digits. */
const DATE_WORDS: Record<string, ReadonlySet<string>> = {
  en: new Set(['century', 'centuries', 'decade', 'decades', 'bc', 'bce', 'ad', 'monday', 'tuesday', 'wednesday',
    'thursday', 'friday', 'saturday', 'sunday', 'spring', 'summer', 'autumn', 'winter', 'today', 'yesterday']),
};

const monthCache = new Map<string, { names: ReadonlySet<string>; capitalised: boolean }>();

/** The language's month names, long and short, lowercase, from the runtime's locale data. */
function monthsOf(lang: string | undefined): { names: ReadonlySet<string>; capitalised: boolean } {
  const key = lang ?? 'en';
  let months = monthCache.get(key);
  if (!months) {
    const names = new Set<string>();
    let capitalised = true;
    try {
      for (const style of ['long', 'short'] as const) {
        const format = new Intl.DateTimeFormat(key, { month: style, timeZone: 'UTC' });
        for (let m = 0; m < 12; m++) {
          const name = format.format(new Date(Date.UTC(2021, m, 15))).replace(/\.$/u, '');
          if (/^\p{N}/u.test(name)) continue;
          if (name[0] === name[0]?.toLowerCase()) capitalised = false;
          if (name.length >= 3) names.add(name.toLowerCase());
        }
      }
    } catch {
      // An unknown locale: no month names.
    }
    months = { names, capitalised };
    monthCache.set(key, months);
  }
  return months;
}

/** A year or a decade as a lowercase word: "1884", "1970s". */
export const YEAR_WORD = /^(?:1\d{3}|20\d{2})(?:s)?$/u;
const DIGITS = /^\p{N}/u;

/**
 * Number and date markers of a sentence from its case-kept words: years, decades, month names and the
 * language's period words make dates; other digits and number words make numbers.
 */
export function numericMarkers(words: readonly string[], lang: string | undefined): Marker[] {
  const months = monthsOf(lang);
  const numberWords = NUMBER_WORDS[lang ?? 'en'];
  const dateWords = DATE_WORDS[lang ?? 'en'];
  const out: Marker[] = [];
  words.forEach((word, at) => {
    const lower = word.toLowerCase();
    if (YEAR_WORD.test(lower)) out.push({ kind: 'date', words: [lower], at });
    else if (months.names.has(lower) && (!months.capitalised || word[0] !== lower[0])) out.push({ kind: 'date', words: [lower], at });
    else if (dateWords?.has(lower)) out.push({ kind: 'date', words: [lower], at });
    else if (DIGITS.test(lower) || numberWords?.has(lower)) out.push({ kind: 'number', words: [lower], at });
  });
  return out;
}
