/**
 * Reading grade of a page's prose, by the Flesch-Kincaid grade formula (the `flesch-kincaid`
 * package) with syllables counted by `syllable`. Sentences and words are split by the platform's
 * `Intl.Segmenter`. Each paragraph, list item and table cell counts as its own sentence run, so
 * a list item without a full stop does not glue onto the next one.
 */
import { fleschKincaid } from "flesch-kincaid";
import { syllable } from "syllable";
import type { Root, RootContent } from "mdast";

export interface ReadingStats {
  words: number;
  sentences: number;
  syllables: number;
  /** U.S. school grade; about 8 is the site's aim, above 10 fails the tests. */
  grade: number;
}

/** The reading grade we aim for (MedlinePlus easy-to-read guidance: grade 6 to 8). */
export const READING_GRADE_TARGET = 8;
/** Above this grade a page fails the content check. */
export const READING_GRADE_LIMIT = 10;
/** Sentences longer than this are flagged for editors (a warning, not an error). */
export const LONG_SENTENCE_WORDS = 25;

const BLOCKS = new Set(["paragraph", "listItem", "tableCell", "heading"]);
const SKIP = new Set(["code", "inlineCode", "yaml", "mdxjsEsm", "mdxFlowExpression", "mdxTextExpression"]);

/** Plain text of each prose block, in order. Headings are left out: they are labels, not prose. */
export function proseBlocks(tree: Root): string[] {
  const blocks: string[] = [];
  const walk = (node: Root | RootContent, sink: string[] | null): void => {
    if (SKIP.has(node.type)) return;
    if (node.type === "heading") return;
    if (BLOCKS.has(node.type) && node.type !== "listItem") {
      const parts: string[] = [];
      for (const child of "children" in node ? node.children : []) walk(child, parts);
      const text = parts.join("").replace(/\s+/g, " ").trim();
      if (text) blocks.push(text);
      return;
    }
    if ("value" in node && typeof node.value === "string") {
      sink?.push(node.value);
      return;
    }
    if (node.type === "break") sink?.push(" ");
    for (const child of "children" in node ? node.children : []) walk(child as RootContent, sink);
  };
  walk(tree, null);
  return blocks;
}

const sentenceSegmenter = new Intl.Segmenter("en", { granularity: "sentence" });
const wordSegmenter = new Intl.Segmenter("en", { granularity: "word" });

/** Counts and grade for a list of prose blocks. */
export function readingStats(blocks: readonly string[]): ReadingStats {
  let words = 0;
  let sentences = 0;
  let syllables = 0;
  for (const block of blocks) {
    for (const { segment } of sentenceSegmenter.segment(block)) {
      let wordsInSentence = 0;
      for (const piece of wordSegmenter.segment(segment)) {
        if (!piece.isWordLike) continue;
        wordsInSentence++;
        syllables += syllable(piece.segment);
      }
      if (wordsInSentence > 0) {
        words += wordsInSentence;
        sentences++;
      }
    }
  }
  const grade = words === 0 ? 0 : fleschKincaid({ sentence: sentences, word: words, syllable: syllables });
  return { words, sentences, syllables, grade: Math.round(grade * 10) / 10 };
}

/** Sentences of more than `limit` words, with their word counts, in page order. */
export function longSentences(blocks: readonly string[], limit = LONG_SENTENCE_WORDS): Array<{ sentence: string; words: number }> {
  const long: Array<{ sentence: string; words: number }> = [];
  for (const block of blocks) {
    for (const { segment } of sentenceSegmenter.segment(block)) {
      let words = 0;
      for (const piece of wordSegmenter.segment(segment)) if (piece.isWordLike) words++;
      if (words > limit) long.push({ sentence: segment.trim(), words });
    }
  }
  return long;
}
