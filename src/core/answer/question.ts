import { stemmerFor, stopwordsFor, wordTokens } from '../text/index.js';
import { entityKey, type ArticleIndex } from './articleIndex.js';
import { YEAR_WORD, type AnswerKind } from './markers.js';
import type { QueryWord } from './softMatch.js';
import { casedWords, isMatchWord, matchForm, matchTerms } from './terms.js';

/** What a question asks for and the terms to look for. */
export interface QuestionAnalysis {
  /** The kinds of span an answer should hold ("who": a person or an organization), none for open questions. */
  kinds: AnswerKind[];
  /** Match terms (stems and entity keys) with their query weights. */
  terms: Map<string, number>;
  /** Lowercase words of the question: a span the question already names is no answer to it. */
  words: Set<string>;
  /** Every word, stopwords included, lowercased and stemmed, for phrase matching. */
  stems: string[];
  /** Terms of the names and numbers the question holds: a sentence about the same thing should have them. */
  anchors: Set<string>;
  /** Its distinct content words, to be matched by meaning too (see softMatch.ts). */
  content: QueryWord[];
  /** The years it names ("1884", "1970s" as "1970"). */
  years: Set<string>;
}

/** Weights of the parts of a query; the defaults are settings of the fit (see training/qa.ts). */
export interface QueryWeights {
  /** Words that frame a question rather than name its topic ("name", "called", "type"). */
  frame: number;
  /** An entity of the article named in the question, matched by any of its spellings. */
  entity: number;
}

type Cue = { kinds: AnswerKind[]; pattern: RegExp };

const WHO: AnswerKind[] = ['person', 'organization'];
const WHERE: AnswerKind[] = ['place'];

/** Question cues per language, each a pattern on the lowercased question; the earliest match decides. */
const CUES: Record<string, Cue[]> = {
  en: [
    { kinds: WHO, pattern: /\b(?:who|whom|whose)\b|\b(?:what|which)(?: (?:is|was|are|were) the)? (?:person|man|woman|people|group|company|organization|team|player|scientist|king|president|leader)\b/u },
    { kinds: ['date'], pattern: /\bwhen\b|\b(?:(?:in|by|since|until) )?(?:what|which)(?: (?:is|was|are|were) the)? (?:year|years|century|decade|date|day|month|era|period)\b|\bhow long ago\b/u },
    { kinds: ['number'], pattern: /\bhow (?:many|much|long|far|old|big|large|high|tall|often|fast|heavy|deep|wide|few)\b|\b(?:what|which)(?: (?:is|was|are|were) the)? (?:percentage|percent|proportion|number|amount|fraction|share|size|population|age|rate|cost|price|temperature|distance)\b/u },
    { kinds: WHERE, pattern: /\bwhere\b|\b(?:(?:in|to|from) )?(?:what|which)(?: (?:is|was|are|were) the)? (?:country|countries|city|cities|state|town|region|place|location|continent|island|river|area|county|nation|province|street|building)\b/u },
  ],
  es: [
    { kinds: WHO, pattern: /(?:^|[¿\s])qui[eé]n(?:es)?\b/u },
    { kinds: ['date'], pattern: /(?:^|[¿\s])cu[aá]ndo\b|\ben qu[eé] a[nñ]o\b/u },
    { kinds: ['number'], pattern: /(?:^|[¿\s])cu[aá]nt[oa]s?\b/u },
    { kinds: WHERE, pattern: /(?:^|[¿\s])(?:d[oó]nde|ad[oó]nde)\b/u },
  ],
  pt: [
    { kinds: WHO, pattern: /^(?:\S+ )?quem\b/u },
    { kinds: ['date'], pattern: /\bquando\b|\bem que ano\b/u },
    { kinds: ['number'], pattern: /\bquant[oa]s?\b/u },
    { kinds: WHERE, pattern: /\b(?:onde|aonde)\b/u },
  ],
  fr: [
    { kinds: WHO, pattern: /^(?:\S+ )?qui\b/u },
    { kinds: ['date'], pattern: /\bquand\b|\ben quelle année\b/u },
    { kinds: ['number'], pattern: /\bcombien\b/u },
    { kinds: WHERE, pattern: /(?:^|\s)où\b|^d'où\b/u },
  ],
  de: [
    { kinds: WHO, pattern: /^(?:\S+ )?(?:wer|wem|wen|wessen)\b/u },
    { kinds: ['date'], pattern: /\bwann\b|\bin welchem jahr\b|\bseit wann\b/u },
    { kinds: ['number'], pattern: /\bwie (?:viele?|lange|alt|hoch|weit|groß)\b/u },
    { kinds: WHERE, pattern: /^(?:\S+ )?(?:wo|wohin|woher)\b/u },
  ],
  it: [
    { kinds: WHO, pattern: /^(?:\S+ )?chi\b/u },
    { kinds: ['date'], pattern: /\bquando\b|\bin che anno\b/u },
    { kinds: ['number'], pattern: /\bquant[ieoa]\b/u },
    { kinds: WHERE, pattern: /(?:^|\s)dove\b/u },
  ],
  nl: [
    { kinds: WHO, pattern: /^(?:\S+ )?wie\b/u },
    { kinds: ['date'], pattern: /\bwanneer\b|\bin welk jaar\b/u },
    { kinds: ['number'], pattern: /\bhoeveel\b/u },
    { kinds: WHERE, pattern: /^(?:\S+ )?waar\b/u },
  ],
};

/** Words that frame an English question; the answer sentence seldom repeats them. */
const FRAME_WORDS: Record<string, string[]> = {
  en: ['name', 'named', 'call', 'called', 'term', 'type', 'kind', 'known', 'refer', 'referred', 'describe', 'mean',
    'example', 'year', 'percent', 'percentage', 'number', 'amount', 'happen', 'happened', 'occur', 'occurred',
    'considered', 'regarded', 'give', 'given', 'use', 'used', 'cause', 'caused', 'happens', 'example'],
};

const frameCache = new Map<string, ReadonlySet<string>>();

function frameStems(lang: string | undefined): ReadonlySet<string> {
  const key = lang ?? '';
  let set = frameCache.get(key);
  if (!set) {
    const stem = stemmerFor(lang);
    set = new Set((FRAME_WORDS[key] ?? []).map((w) => stem(w)));
    frameCache.set(key, set);
  }
  return set;
}

/** Question words per language: the first one in a question is the one that asks ("what is it called when"). */
const QUESTION_WORDS: Record<string, RegExp> = {
  en: /\b(?:what|which|who|whom|whose|when|where|how|why)\b/u,
};

/**
 * The answer kinds a question's wording asks for: the cue at its question word ("In what year", "How many"),
 * or, in a language without a question-word list, the earliest cue.
 */
export function answerKinds(question: string, lang: string | undefined): AnswerKind[] {
  const text = question.toLowerCase().trim();
  const asks = QUESTION_WORDS[lang ?? 'en']?.exec(text);
  let best: { at: number; kinds: AnswerKind[] } | undefined;
  for (const cue of CUES[lang ?? 'en'] ?? []) {
    const m = new RegExp(cue.pattern.source, 'gu');
    for (let hit = m.exec(text); hit; hit = m.exec(text)) {
      const at = hit.index + (hit[0].length - hit[0].trimStart().length);
      if (asks && (at > asks.index || asks.index >= at + hit[0].length)) continue;
      if (!best || at < best.at) best = { at, kinds: cue.kinds };
      break;
    }
  }
  return best?.kinds ?? [];
}

/** The distinct words of a question that carry its content: no stopwords, no single letters. */
function contentWords(question: string, lang: string | undefined, stem: (w: string) => string): QueryWord[] {
  const stop = stopwordsFor(lang);
  const seen = new Map<string, QueryWord>();
  for (const word of wordTokens(question)) {
    if (seen.has(word) || !isMatchWord(word, stop)) continue;
    seen.set(word, { term: matchForm(word, lang, stem), word });
  }
  return [...seen.values()];
}

/**
 * Analyses a question against an article: its answer kinds, its terms weighted (frame words down), and the
 * article's entities it names, which then match any spelling of them ("Wilder" finds "Dennis Wilder").
 */
export function analyseQuestion(question: string, index: ArticleIndex, weights: QueryWeights): QuestionAnalysis {
  const lang = index.lang;
  const frame = frameStems(lang);
  const terms = new Map<string, number>();
  for (const t of matchTerms(question, lang)) terms.set(t, frame.has(t) ? weights.frame : 1);
  const cased = casedWords(question);
  const hits = [...index.entities.find(cased), ...index.entities.find(cased, { ignoreCase: true }).filter((h) => h.length > 1)];
  for (const h of hits) terms.set(entityKey(h.entity), weights.entity);
  const stem = stemmerFor(lang);
  const anchors = new Set<string>();
  cased.forEach((w, i) => {
    const named = i > 0 && w[0] !== w[0]!.toLowerCase();
    if (!named && !/^\p{N}/u.test(w)) return;
    for (const t of matchTerms(w, lang)) anchors.add(t);
  });
  return {
    anchors,
    content: contentWords(question, lang, stem),
    years: new Set(cased.filter((w) => YEAR_WORD.test(w)).map((w) => w.slice(0, 4))),
    kinds: answerKinds(question, lang),
    terms,
    words: new Set(cased.map((w) => w.toLowerCase())),
    stems: cased.map((w) => matchForm(w.toLowerCase(), lang, stem)),
  };
}
