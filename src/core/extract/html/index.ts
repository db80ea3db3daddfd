/** The HTML cleaner: the article of a page, its title and metadata, as blocks. */
export { cleanHtml } from './clean.js';
