/**
 * English plural nouns back to their singular, by the regular endings only, for looking words up in lists of
 * singular nouns ("Centers" finds "center", "companies" "company", "churches" "church").
 */

/**
 * The word and, when it looks like a regular English plural, its singular: "-ies" gives "-y", "-ches", "-shes",
 * "-sses" and "-xes" drop "es", any other "-s" but "-ss" drops the "s". Irregular plurals ("men") are left as
 * they are; a word that is no plural may get a singular that is no word ("bus" -> "bu"), harmless for a lookup.
 * Expects lower case.
 */
export function singularForms(word: string): string[] {
  if (word.length > 4 && word.endsWith('ies')) return [word, `${word.slice(0, -3)}y`];
  if (word.length > 3 && /(?:ch|sh|ss|x)es$/.test(word)) return [word, word.slice(0, -2)];
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return [word, word.slice(0, -1)];
  return [word];
}
