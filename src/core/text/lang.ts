import { createRequire } from 'node:module';
import { franc, francAll } from 'franc-min';

const require = createRequire(import.meta.url);

/** ISO 639-3 codes that franc returns, mapped to the ISO 639-1 codes Skim uses. */
const ISO3_TO_1: Record<string, string> = {
  eng: 'en', spa: 'es', fra: 'fr', deu: 'de', ita: 'it', por: 'pt', nld: 'nl', rus: 'ru', swe: 'sv',
  nob: 'no', nno: 'no', dan: 'da', fin: 'fi', pol: 'pl', ukr: 'uk', ces: 'cs', slk: 'sk', ron: 'ro',
  hun: 'hu', tur: 'tr', ind: 'id', zlm: 'ms', vie: 'vi', cmn: 'zh', jpn: 'ja', kor: 'ko', arb: 'ar',
  pes: 'fa', hin: 'hi', ben: 'bn', ell: 'el', bul: 'bg', hrv: 'hr', srp: 'sr', bos: 'bs', slv: 'sl',
  lit: 'lt', lav: 'lv', est: 'et', cat: 'ca', glg: 'gl', eus: 'eu', heb: 'he', tha: 'th', tgl: 'tl',
  swh: 'sw', afr: 'af', urd: 'ur', tam: 'ta', tel: 'te', mar: 'mr', guj: 'gu', kan: 'kn', mal: 'ml',
};

/** Languages whose stopword list natural ships (shorter, closer to function words than stopwords-iso's). */
const NATURAL_STOPWORDS: Record<string, string> = {
  en: 'stopwords', es: 'stopwords_es', fr: 'stopwords_fr', it: 'stopwords_it', nl: 'stopwords_nl',
  no: 'stopwords_no', pl: 'stopwords_pl', pt: 'stopwords_pt', ru: 'stopwords_ru', sv: 'stopwords_sv',
  uk: 'stopwords_uk', id: 'stopwords_id', fa: 'stopwords_fa',
};

/**
 * Normalises a language tag from markup (`en-US`, `EN_gb`, `pt-BR`) to an ISO 639-1 code, or undefined.
 */
export function normalizeLangTag(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (/^[a-z]{2}$/.test(primary)) return primary;
  if (/^[a-z]{3}$/.test(primary)) return ISO3_TO_1[primary];
  return undefined;
}

/**
 * Below this many words franc's trigrams alone misjudge short texts: on the dev articles cut into pieces of 6 to
 * 16 words it took one in ten for another language (Tagalog, Portuguese for English). Narrowing by function
 * words first helped up to 16 words and not from 25 (figures in the commit that added this).
 */
const SHORT_TEXT_WORDS = 20;

/** Languages whose stopword lists vote on a short text: natural's lists and German's. */
const VOTING_LANGUAGES = [...Object.keys(NATURAL_STOPWORDS), 'de'];

/** The voting languages whose stopwords cover the most words of a short text (at least two), or none. */
function stopwordLeaders(words: readonly string[]): string[] {
  let best: string[] = [];
  let most = 1;
  for (const lang of VOTING_LANGUAGES) {
    const stop = stopwordsFor(lang);
    const hits = words.filter((w) => stop.has(w)).length;
    if (hits > most) {
      best = [lang];
      most = hits;
    } else if (hits === most && most > 1) best.push(lang);
  }
  return best;
}

const ISO1_TO_3: Record<string, string> = Object.fromEntries(
  Object.entries(ISO3_TO_1).filter(([three]) => three !== 'nno').map(([three, one]) => [one, three]),
);

/**
 * Detects the language of a text from its character trigrams (franc). A text of under twenty words is first
 * narrowed to the languages whose function words it uses most ("is", "a": English or Dutch), and franc picks
 * among those. Returns an ISO 639-1 code, or undefined when the text is too short or the language is unknown.
 */
export function detectLanguage(text: string): string | undefined {
  // franc is O(n) but a few thousand characters decide as well as the whole text.
  const sample = text.length > 6000 ? text.slice(0, 6000) : text;
  const words = sample.length < 400 ? (sample.toLowerCase().match(/\p{L}+/gu) ?? []) : [];
  if (words.length > 0 && words.length < SHORT_TEXT_WORDS) {
    const leaders = stopwordLeaders(words).map((l) => ISO1_TO_3[l]).filter((c): c is string => c !== undefined);
    const [top] = leaders.length > 0 ? francAll(sample, { minLength: 1, only: leaders }) : [];
    if (top && top[0] !== 'und') return ISO3_TO_1[top[0]];
  }
  const code = franc(sample, { minLength: 20 });
  return code === 'und' ? undefined : ISO3_TO_1[code];
}

const stopwordCache = new Map<string, ReadonlySet<string>>();
let isoLists: Record<string, string[]> | undefined;

/**
 * Stopwords (function words) for an ISO 639-1 language: natural's list where it has one, else stopwords-iso's.
 * An unknown language gets an empty set, so callers fall back to language-independent signals.
 */
export function stopwordsFor(lang: string | undefined): ReadonlySet<string> {
  const key = lang ?? '';
  const cached = stopwordCache.get(key);
  if (cached) return cached;
  let words: string[] = [];
  const naturalFile = lang ? NATURAL_STOPWORDS[lang] : undefined;
  if (naturalFile) {
    words = (require(`natural/lib/natural/util/${naturalFile}.js`) as { words: string[] }).words;
  } else if (lang) {
    isoLists ??= require('stopwords-iso') as Record<string, string[]>;
    words = isoLists[lang] ?? [];
  }
  const set = new Set(words.map((w) => w.toLowerCase()));
  stopwordCache.set(key, set);
  return set;
}
