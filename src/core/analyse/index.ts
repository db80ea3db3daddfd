/** A cleaned article to a digest: its sentences, their summary ranking and its key entities. */
export { analyseArticle } from './analyseArticle.js';
