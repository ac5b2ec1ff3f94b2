/**
 * The site's vocabulary for spelling suggestions, one per language, made at build time from what Pagefind indexed:
 * every word of four letters or more, weighted by where it appears (titles and glossary terms
 * most, then the editors' keywords, headings, summaries, and the text itself). The search page
 * loads it only when a search finds little (src/scripts/site-search.ts) and corrects a word to
 * the closest one here (Vocabulary in src/lib/search-query.ts).
 */

import { DEFAULT_LOCALE, type Locale } from "./i18n.ts";
import { foldAccents } from "./search-query.ts";
import { characterClasses, characterLength } from "./characters.ts";

/**
 * The file of a language's vocabulary, in the Pagefind bundle folder (each search page loads its
 * own): vocabulary.json for English, vocabulary-es.json for Spanish.
 */
export const vocabularyFile = (locale: Locale = DEFAULT_LOCALE): string =>
  locale === DEFAULT_LOCALE ? "vocabulary.json" : `vocabulary-${locale}.json`;

/** Weight of one occurrence of a word, by where it appears. */
export const VOCABULARY_WEIGHTS = { title: 10, keyword: 6, heading: 4, description: 2, text: 1 } as const;
/** Words shorter than this are never corrected, so they are left out. */
export const MIN_WORD_LENGTH = 4;
/** The most words kept (the weightiest): about 3 KB gzipped per thousand words. */
export const MAX_WORDS = 10_000;

/** The parts of a Pagefind fragment the vocabulary reads. */
export interface IndexedPage {
  content: string;
  meta: Record<string, string | undefined>;
  anchors: ReadonlyArray<{ element: string; text?: string }>;
}

/**
 * Words of a text as the vocabulary keeps them: lowercase runs of letters (hyphenated words
 * split), with their accents, leaving out stop words (given without accents, as the settings keep them).
 */
export function vocabularyWords(text: string, stopWords: ReadonlySet<string>): string[] {
  return letterRuns(text).filter((word) => isVocabularyWord(word, stopWords));
}

function letterRuns(text: string): string[] {
  const runs: string[] = [];
  forEachLetterRun(text, (run) => runs.push(run));
  return runs;
}

/**
 * Calls `visit` with each lowercase run of letters (Unicode's \p{L}) in `text`, in order: what
 * `text.toLowerCase().match(/\p{L}+/gu)` finds, read a character at a time. Over 1,126 pages'
 * fragments the expression took 104-112 ms and this 42-46.
 */
function forEachLetterRun(text: string, visit: (run: string) => void): void {
  const lower = text.toLowerCase();
  let start = -1;
  for (let at = 0; at < lower.length; at += characterLength(lower, at)) {
    if (letterOrNot(lower, at) === LETTER) {
      if (start < 0) start = at;
    } else if (start >= 0) {
      visit(lower.slice(start, at));
      start = -1;
    }
  }
  if (start >= 0) visit(lower.slice(start));
}

const LETTER = 1;
const letterOrNot = characterClasses((char) => (/^\p{L}$/u.test(char) ? LETTER : 0));

const isVocabularyWord = (word: string, stopWords: ReadonlySet<string>): boolean =>
  word.length >= MIN_WORD_LENGTH && word.length <= 30 && !stopWords.has(word) && !stopWords.has(foldAccents(word));

/**
 * The vocabulary: words most weighty first, as one space-separated string (small once gzipped).
 * A page's text is read as Pagefind indexed it: first the editor's keywords (a hidden paragraph,
 * before the title), the title and the summary, then the body; headings come from its anchors.
 */
export function buildVocabulary(
  pages: Iterable<IndexedPage>,
  stopWords: ReadonlySet<string>,
  maxWords = MAX_WORDS,
): string {
  // Each distinct word is judged once (folding accents for the stop-word check was a third of
  // the vocabulary's time at 1,000 pages, on the same few thousand words over and over), and
  // looked up once per use: its weight so far, or null when it is left out.
  const words = new Map<string, { weight: number } | null>();
  const add = (text: string | undefined, weight: number) => {
    if (!text) return;
    forEachLetterRun(text, (word) => {
      let entry = words.get(word);
      if (entry === undefined) words.set(word, (entry = isVocabularyWord(word, stopWords) ? { weight: 0 } : null));
      if (entry) entry.weight += weight;
    });
  };
  for (const page of pages) {
    const { title, description } = page.meta;
    const { content } = page;
    const titleAt = title ? content.indexOf(title) : -1;
    if (titleAt > 0) add(content.slice(0, titleAt), VOCABULARY_WEIGHTS.keyword);
    add(title, VOCABULARY_WEIGHTS.title);
    add(description, VOCABULARY_WEIGHTS.description);
    for (const anchor of page.anchors)
      if (/^h[1-6]$/i.test(anchor.element)) add(anchor.text, VOCABULARY_WEIGHTS.heading);
    const afterTitle = titleAt === -1 ? 0 : titleAt + title!.length;
    const descriptionAt = description ? content.indexOf(description, afterTitle) : -1;
    add(
      content.slice(descriptionAt === -1 ? afterTitle : descriptionAt + description!.length),
      VOCABULARY_WEIGHTS.text,
    );
  }
  const weights: Array<[string, number]> = [];
  for (const [word, entry] of words) if (entry) weights.push([word, entry.weight]);
  return weights
    .sort(([a, weightA], [b, weightB]) => weightB - weightA || (a < b ? -1 : 1))
    .slice(0, maxWords)
    .map(([word]) => word)
    .join(" ");
}
