/** One run of text on a page, in page units with y growing downwards (as the page is read). */
export interface PdfItem {
  text: string;
  /** Left edge and baseline. */
  x: number;
  y: number;
  width: number;
  /** Font size (the glyphs' height). */
  size: number;
  /** The run lies in a link (a browser prints each `<a href>` as a link annotation over its text). */
  link?: boolean;
}

/** The text runs of one page, and the page's size. */
export interface PdfPage {
  width: number;
  height: number;
  items: PdfItem[];
}

/** A stretch of one line of text: items on a baseline with no column gap between them. */
export interface PdfLine {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
  /** Page number, from 1. */
  page: number;
  /** Every run of the line lies in a link. */
  link?: boolean;
}

/** Lines stacked in one column: what the reading order puts in sequence. */
export interface PdfBlock {
  lines: PdfLine[];
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** A line of the text the PDF reader gives the cleaner, and whether it was all link text on the page. */
export interface TextLine {
  text: string;
  link: boolean;
}
