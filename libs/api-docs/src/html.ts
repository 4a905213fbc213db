/** The per-token documentation page; its sections live in ./docs-page, one file each. */
export { renderDocsPage } from './docs-page/page';
export { DOCS_PAGE_CSP } from './docs-page/page-style';
export { allProblemTypes, type ProblemType } from './docs-page/problem-types';
