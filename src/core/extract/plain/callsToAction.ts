/**
 * Calls to action: the sentences a site puts to its readers rather than about the story (subscribe,
 * sign up for a newsletter, follow us, download the app, share this). They often sit inside the
 * article column, between or right after its paragraphs, where neighbours alone would keep them.
 *
 * Source: written from the stock wording of publishers' newsletter, subscription, social and app
 * prompts (for example the Financial Times' "Simply sign up to the … myFT Digest — delivered
 * directly to your inbox", "Subscribe to our newsletter", "Follow us on Twitter"), in English and in
 * the commonest forms of a few other languages. Not taken from the evaluation pastes; the classifier
 * weighs this signal with a fitted weight, so a phrase that also occurs in article prose costs little.
 */

/** Phrasings of a call to action, matched case-insensitively anywhere in a sentence. */
const PATTERNS: readonly string[] = [
  // Newsletters, digests, subscriptions.
  String.raw`\bsign(?:ing)?[ -]?up (?:here|now|today)\b`,
  String.raw`\bsign(?:ing)?[ -]?up (?:to|for) (?:[^\s.!?]+ ){0,6}(?:newsletters?|digests?|e-?mails?|inbox|alerts?|updates|briefings?|mailing list|today|now|here)\b`,
  String.raw`\bsubscribe (?:to|now|today|for|here|free)\b`,
  String.raw`^(?:please |simply |just )?subscribe\b`,
  String.raw`\b(?:join|get|receive|try) (?:our|the) (?:[\w’'-]+ ){0,4}(?:newsletters?|digest|e-?mails?|mailing list|briefing|alerts?)\b`,
  String.raw`\b(?:delivered|straight|directly|sent|right) (?:\w+ ){0,2}(?:to|in|into) your inbox\b`,
  String.raw`\bunsubscribe (?:at )?any ?time\b`,
  String.raw`\byour (?:e-?mail|inbox) (?:address )?(?:every|each) (?:day|morning|week|weekday)\b`,
  // Social accounts.
  String.raw`\bfollow (?:us|me)\b`,
  String.raw`\bfollow (?:[@#]?[\w’'.-]+ ){1,4}on (?:twitter|x|facebook|instagram|linkedin|youtube|tiktok|threads|bluesky|mastodon|flipboard|google news)\b`,
  String.raw`\b(?:like|find|join|connect with) us on\b`,
  // Apps, links, sharing.
  String.raw`\bdownload (?:our|the) (?:[\w’'-]+ ){0,3}app\b`,
  String.raw`\b(?:click|tap) here\b`,
  String.raw`\bshare (?:this|the) (?:article|story|post|page|video)\b`,
  // Support and membership.
  String.raw`\b(?:support|fund|donate to) (?:our|independent|quality) (?:\w+ )?journalism\b`,
  String.raw`\b(?:become|join as) a (?:member|subscriber|supporter|patron)\b`,
  String.raw`\bdon[’']?t miss (?:a|an|out|our)\b`,
  String.raw`\bstay (?:up to date|informed|in the loop|connected)\b`,
  // German, French, Spanish, Portuguese, Italian, Dutch.
  String.raw`\bnewsletter (?:abonnieren|bestellen)\b|\bfolgen sie uns\b|\bjetzt abonnieren\b`,
  String.raw`\babonnez-vous\b|\binscrivez-vous\b|\bsuivez-nous\b`,
  String.raw`\bsuscr[ií]bete\b|\bs[ií]guenos\b|\bsuscríbase\b`,
  String.raw`\bassine (?:a|o|já)\b|\bsiga-nos\b|\binscreva-se\b`,
  String.raw`\biscriviti\b|\bseguici\b|\babbonati\b`,
  String.raw`\bschrijf je in\b|\bvolg ons\b|\babonneer\b`,
];

const CALL_TO_ACTION = new RegExp(PATTERNS.join('|'), 'iu');
/** A sentence ends at . ! ? followed by a space and a capital, quote or bracket. */
const SENTENCE = /[^.!?…。！？]+(?:[.!?…。！？]+(?=\s+[\p{Lu}\p{Lo}"“‘«(]|\s*$)|$)/gu;

/** True when a sentence (or a short line) asks the reader to subscribe, follow, download or share. */
export function isCallToAction(sentence: string): boolean {
  return CALL_TO_ACTION.test(sentence.replace(/\s+/g, ' ').trim());
}

/**
 * Characters read at each end of a long block: calls to action open or close a paragraph, and in a long
 * block they are a small share whatever its middle holds; reading all of a 10 MB paragraph sentence by
 * sentence took seconds.
 */
const EDGE = 1000;

/**
 * Share of a block's characters in sentences that are calls to action: 1 for a newsletter prompt on
 * its own line, a fraction for a paragraph that ends with one, 0 for plain prose. A block longer than
 * four times {@link EDGE} is judged by its two ends.
 */
export function callToActionShare(text: string): number {
  if (text.length <= 4 * EDGE) return shareOf(text);
  const ends = [text.slice(0, EDGE), text.slice(-EDGE)];
  return ends.reduce((n, part) => n + part.length * shareOf(part), 0) / text.length;
}

function shareOf(text: string): number {
  if (!CALL_TO_ACTION.test(text)) return 0;
  let total = 0;
  let cta = 0;
  for (const sentence of text.match(SENTENCE) ?? [text]) {
    const length = sentence.trim().length;
    total += length;
    if (isCallToAction(sentence)) cta += length;
  }
  return total === 0 ? 0 : cta / total;
}
