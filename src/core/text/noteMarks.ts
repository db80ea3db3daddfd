/**
 * Reference and editing marks that wikis set right after the words they annotate: "NATO.[3]", "agreed.[4][5]",
 * "in 1974.[a]", "did not.[citation needed]", "Background[edit]". They come with the text of a Wikipedia page,
 * pasted or fetched, and glue sentences together ("NATO.[3] Some" has no sentence break), so they go before
 * the text is analysed.
 */

/** What a mark may hold: a note number or letter ("3", "a", "nb 1"), or a wiki's maintenance or edit tag. */
const MARK =
  String.raw`\[(?:\d{1,3}|[a-z]{1,2}|(?:nb|note|n) ?\d{1,3}|edit|citation needed|clarification needed|verification needed|` +
  String.raw`failed verification|page needed|when\?|who\?|which\?|by whom\?|according to whom\?|dubious(?: [–-] discuss)?|` +
  String.raw`better source needed|disputed [–-] discuss|original research\?|not in citation given|update)\]`;

/**
 * Runs of marks right after a word or a sentence's punctuation, with no space before them, and before a space,
 * punctuation or the end: a mark after a space is text ("see [3]", "option [a]"), and so is one inside a word
 * ("x[12]y") or after a bracket ("[Tim][1]", a Markdown reference link).
 */
const MARKS = new RegExp(String.raw`(?<=[\p{L}\p{N}.,;:!?)"'’”»])(?:${MARK})+(?=[\s\p{P}]|$)`, 'giu');

/** The text without wiki reference and editing marks. */
export function withoutNoteMarks(text: string): string {
  return text.includes('[') ? text.replace(MARKS, '') : text;
}
