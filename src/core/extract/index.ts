/** Raw input to a cleaned article: HTML through Readability and the pruning pass, pasted text and PDFs through the text cleaner. */
export { isPdfInput, toArticle, type RawInput } from './article.js';
export { pdfToArticle } from './pdf/index.js';
