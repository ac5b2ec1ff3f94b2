/**
 * Ids the layouts and components put on every article and guide page: one owner, imported by the
 * components that write them and by the content check, which stops an editor's heading or
 * checklist from reusing one.
 */
export const TOP_ID = "top";
export const MAIN_ID = "main";
export const TOC_HEADING_ID = "toc-heading";
export const SOURCES_ID = "sources";
export const RELATED_ID = "related";
export const KEY_FACTS_ID = "key-facts";
export const NEXT_STEPS_ID = "next-steps";
export const CHANGES_ID = "changes";
export const GET_HELP_ID = "get-help";
export const REVIEW_STATUS_ID = "review-status";
/** The article or guide's text, after its header and contents: the second skip link's target. */
export const TEXT_ID = "text";

export const LAYOUT_IDS: readonly string[] = [
  TOP_ID,
  MAIN_ID,
  TOC_HEADING_ID,
  SOURCES_ID,
  RELATED_ID,
  KEY_FACTS_ID,
  NEXT_STEPS_ID,
  CHANGES_ID,
  GET_HELP_ID,
  REVIEW_STATUS_ID,
  TEXT_ID,
];

/** On the About page of a translation: the reader's right to free language help (linked from Get help). */
export const LANGUAGE_HELP_ID = "language-help";

/** Id of a source's entry in the sources list. */
export const sourceAnchor = (sourceId: string): string => `source-${sourceId}`;

/** Id of the n-th (1-based) place in the text that cites a source. */
export const citeAnchor = (sourceId: string, occurrence: number): string => `cite-${sourceId}-${occurrence}`;

/** Id of a glossary term's definition in a page that explains it (`<Term>`). */
export const termAnchor = (termId: string): string => `term-${termId}`;

/** Glossary letters are A to Z without accents ("Órgano" files under O), so the ids stay letter-A...letter-Z. */
export const GLOSSARY_LETTERS = Array.from({ length: 26 }, (_, index) => String.fromCharCode(65 + index));
export const letterAnchor = (letter: string): string => `letter-${letter}`;
