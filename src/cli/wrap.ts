/** Fewest columns a wrapped line keeps for its text, so a narrow terminal gets long lines rather than one word each. */
const MIN_TEXT_COLUMNS = 20;

/** Columns a string takes, counting code points (a non-BMP emoji or letter is one, not two). */
function columns(s: string): number {
  return Array.from(s).length;
}

/**
 * Lays out units (words, or names that must not break) into lines at most `width` columns wide, separated by
 * spaces: the first line starts with `prefix`, the others are indented by its width so the text hangs under
 * itself. A unit longer than a line (a URL) gets a line of its own, unbroken. With no width, one line.
 */
export function wrapUnits(prefix: string, units: readonly string[], width?: number): string {
  const words = units.filter((u) => u.length > 0);
  if (width === undefined) return `${prefix}${words.join(' ')}`;
  const indent = ' '.repeat(columns(prefix));
  const room = Math.max(width - indent.length, MIN_TEXT_COLUMNS);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && columns(line) + 1 + columns(word) > room) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  lines.push(line);
  return lines.map((l, i) => (i === 0 ? prefix : indent) + l).join('\n');
}

/** {@link wrapUnits} over the words of a text; runs of white space become one space. */
export function wrapText(prefix: string, text: string, width?: number): string {
  return wrapUnits(prefix, text.trim().split(/\s+/), width);
}

/** Where output goes, as far as wrapping cares. */
export interface OutputStream {
  isTTY?: boolean;
  columns?: number;
}

/** The width to wrap at: the terminal's, when the stream is one; none (no wrapping) for pipes and files. */
export function terminalWidth(stream: OutputStream): number | undefined {
  return stream.isTTY === true && typeof stream.columns === 'number' && stream.columns > 0 ? stream.columns : undefined;
}
