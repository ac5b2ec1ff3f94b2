/**
 * Plain-language warnings for editors (they do not stop the build): sentences over 25 words, and
 * medical-looking words that have no glossary entry, are not wrapped in <Term>, and have no plain
 * explanation in the same sentence. "Medical-looking" is a word with a typical medical ending
 * (-oma, -ectomy, -ology, -itis, -therapy, ...): a heuristic that points an editor at a word to
 * check, not a verdict. On Spanish pages only the long-sentence warning applies (same limit).
 */
import type { Root } from "mdast";
import { walk } from "../content/facts.ts";
import { LONG_SENTENCE_WORDS, longSentences, proseBlocks, type TextLanguage } from "../readability.ts";
import type { Problem } from "./problems.ts";

const MEDICAL_ENDING =
  /^[a-z]{3,}(?:omas?|ectom(?:y|ies)|otom(?:y|ies)|olog(?:y|ies|ist|ists)|itis|osis|therap(?:y|ies)|plasia|plastic|graph(?:y|ies)|scop(?:y|ies)|emia|genic|cytes?)$/i;
/** Words with a medical ending that every reader knows. */
const EVERYDAY = new Set([
  "biology",
  "technology",
  "technologies",
  "apology",
  "therapy",
  "therapies",
  "photography",
  "geography",
  "psychology",
  "diagnosis",
  "diagnoses",
]);
/** Signs that a sentence explains a word in plain terms. */
const EXPLAINED = /\b(means?|meaning|which is|who is|that is|is a|is an|is the|are the|called|such as)\b|[(:—–]/i;

const sentenceSegmenter = new Intl.Segmenter("en", { granularity: "sentence" });
/**
 * Each whole word of Latin letters with a MEDICAL_ENDING in a text, found in one search of the
 * text rather than by testing each word in turn: the same words, in a third of the time.
 */
const MEDICAL_WORDS = new RegExp(
  `(?<![A-Za-z])${MEDICAL_ENDING.source.slice(1, -1)}(?![A-Za-z])`,
  `${MEDICAL_ENDING.flags}g`,
);

export interface PlainLanguageContext {
  file: string;
  /** Terms and aliases of every glossary entry, lowercase. */
  glossaryWords: ReadonlySet<string>;
  /**
   * The page's language (default English). Spanish pages get the long-sentence warning only:
   * the medical-word heuristic reads English word endings.
   */
  language?: TextLanguage;
}

/** Warnings about long sentences and unexplained medical words in one page's body. */
export function plainLanguageWarnings(tree: Root, context: PlainLanguageContext): Problem[] {
  const problems: Problem[] = [];
  const language = context.language ?? "en";
  for (const { sentence, words } of longSentences(proseBlocks(tree), LONG_SENTENCE_WORDS, language)) {
    problems.push({
      file: context.file,
      field: "sentence",
      message: `has ${words} words (aim for ${LONG_SENTENCE_WORDS} or fewer): "${sentence.length > 90 ? `${sentence.slice(0, 87)}...` : sentence}"`,
      fix: "split it into two shorter sentences",
      severity: "warning",
    });
  }
  if (language !== "en") return problems;
  const warned = new Set<string>();
  for (const block of textBlocksOutsideTerms(tree)) {
    // Each word with a medical ending, in order; the sentence around it is found only for a word
    // not known already (a sentence never ends inside a word). Splitting each such block into
    // sentences first took three times as long, for the same warnings.
    let sentences: Intl.Segments | undefined;
    for (const { 0: word, index } of block.text.matchAll(MEDICAL_WORDS)) {
      const lower = word.toLowerCase();
      if (EVERYDAY.has(lower) || warned.has(lower) || knownToGlossary(lower, context.glossaryWords)) continue;
      sentences ??= sentenceSegmenter.segment(block.text);
      if (EXPLAINED.test(sentences.containing(index)!.segment)) continue;
      warned.add(lower);
      problems.push({
        file: context.file,
        line: block.line,
        field: `"${word}"`,
        message: "looks like a medical word with no glossary entry and no plain explanation in the same sentence",
        fix: `explain it in everyday words in that sentence, or add content/glossary/${lower}.yaml and write <Term id="${lower}">${word}</Term>`,
        severity: "warning",
      });
    }
  }
  return problems;
}

/**
 * Each glossary's answers so far: a site's pages ask about the same medical words again and again,
 * and the substring search below reads every glossary word each time (about 80 ms of the check
 * of 1,000 generated pages). A check run builds its glossary's words once, before any page.
 */
const answersByGlossary = new WeakMap<ReadonlySet<string>, Map<string, boolean>>();

function knownToGlossary(word: string, glossaryWords: ReadonlySet<string>): boolean {
  let answers = answersByGlossary.get(glossaryWords);
  if (!answers) answersByGlossary.set(glossaryWords, (answers = new Map()));
  let known = answers.get(word);
  if (known === undefined) answers.set(word, (known = inGlossary(word, glossaryWords)));
  return known;
}

function inGlossary(word: string, glossaryWords: ReadonlySet<string>): boolean {
  if (glossaryWords.has(word)) return true;
  const singular = word.replace(/(ies)$/, "y").replace(/s$/, "");
  return (
    glossaryWords.has(singular) || [...glossaryWords].some((term) => term.includes(word) || term.includes(singular))
  );
}

/** Text of each paragraph and table cell, with the words inside <Term> left out (they are explained). */
function textBlocksOutsideTerms(tree: Root): Array<{ text: string; line: number | undefined }> {
  const blocks: Array<{ text: string; line: number | undefined }> = [];
  walk(tree, (node) => {
    if (node.type === "yaml" || node.type === "code") return false;
    if (node.type !== "paragraph" && node.type !== "tableCell") return true;
    const parts: string[] = [];
    walk(node, (inner) => {
      if (inner.type === "mdxJsxTextElement" && inner.name === "Term") {
        parts.push(" term ");
        return false;
      }
      if (inner.type === "text" || inner.type === "inlineCode") parts.push(inner.value);
      return true;
    });
    blocks.push({ text: parts.join(""), line: node.position?.start.line });
    return false;
  });
  return blocks;
}
