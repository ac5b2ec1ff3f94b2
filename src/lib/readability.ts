/**
 * Reading grade of a page's prose, by the Flesch-Kincaid grade formula (the `flesch-kincaid`
 * package) with syllables counted by `syllable`. Sentences are split by the platform's
 * `Intl.Segmenter`. Each paragraph, list item and table cell counts as its own sentence run, so
 * a list item without a full stop does not glue onto the next one.
 */
import { fleschKincaid } from "flesch-kincaid";
import { syllable } from "syllable";
import type { Root } from "mdast";
import { characterClasses, characterLength } from "./characters.ts";
import { walk } from "./content/facts.ts";

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

// Text a reader does not read as prose: code, the frontmatter, editors' comments and code.
const NOT_PROSE = new Set(["code", "inlineCode", "yaml", "mdxjsEsm", "mdxFlowExpression", "mdxTextExpression"]);

/** Plain text of each prose block (paragraph, table cell), in order. Headings are left out: they are labels, not prose. */
export function proseBlocks(tree: Root): string[] {
  const cached = blocksOfTree.get(tree);
  if (cached) return cached;
  const blocks: string[] = [];
  walk(tree, (node) => {
    if (NOT_PROSE.has(node.type) || node.type === "heading") return false;
    if (node.type !== "paragraph" && node.type !== "tableCell") return true;
    const parts: string[] = [];
    walk(node, (inner) => {
      if (NOT_PROSE.has(inner.type)) return false;
      if ("value" in inner && typeof inner.value === "string") parts.push(inner.value);
      else if (inner.type === "break") parts.push(" ");
      return true;
    });
    const text = parts.join("").replace(/\s+/g, " ").trim();
    if (text) blocks.push(text);
    return false;
  });
  blocksOfTree.set(tree, blocks);
  return blocks;
}

// The content check asks for a page's blocks twice (its reading score, its long sentences): the
// same array both times, so the sentences are split once too.
const blocksOfTree = new WeakMap<Root, string[]>();

const sentenceSegmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/**
 * Calls `visit` with each word of `text` as Unicode's word-boundary rules (UAX #29,
 * `Intl.Segmenter`'s "word-like" segments) find it in prose: letters and digits (and _), joined
 * across an apostrophe or full stop between letters ("don't", "e.g") and across a comma or full
 * stop between digits ("1,000", "3.5"). It gives the same words as the segmenter on every page of
 * ours and a 1,000-page generated site, about ten times faster (the segmenter was the content
 * check's largest cost). It finds what the regular expression
 * `[\p{L}\p{M}\p{N}_]+(?:(?:(?<=[\p{L}\p{M}])[.'’:·](?=[\p{L}\p{M}])|(?<=\p{N})[.,;'’](?=\p{N}))[\p{L}\p{M}\p{N}_]+)*`
 * finds, read a character at a time: over the 1,000 generated pages' prose, 55-76 ms against the
 * expression's 106-121.
 */
export function forEachWord(text: string, visit: (word: string) => void): void {
  let start = -1;
  // The kind of the word's last character, which decides what may join it to the next.
  let last = OTHER;
  for (let at = 0; at < text.length; ) {
    const kind = wordCharacter(text, at);
    const length = characterLength(text, at);
    if (kind <= UNDERSCORE) {
      if (start < 0) start = at;
      last = kind;
    } else if (start >= 0) {
      const joins =
        last === LETTER && (kind === JOINS_ANY || kind === JOINS_LETTERS)
          ? LETTER
          : last === DIGIT && (kind === JOINS_ANY || kind === JOINS_DIGITS)
            ? DIGIT
            : OTHER;
      if (joins === OTHER || at + length >= text.length || wordCharacter(text, at + length) !== joins) {
        visit(text.slice(start, at));
        start = -1;
      }
    }
    at += length;
  }
  if (start >= 0) visit(text.slice(start));
}

// Kinds of character, for forEachWord: the first three make words.
const LETTER = 0; // \p{L} or \p{M}
const DIGIT = 1; // \p{N}
const UNDERSCORE = 2;
const JOINS_ANY = 3; // . ' ’ between two letters or two digits
const JOINS_LETTERS = 4; // : · between two letters
const JOINS_DIGITS = 5; // , ; between two digits
const OTHER = 6;
const wordCharacter = characterClasses((char) =>
  /^[\p{L}\p{M}]$/u.test(char)
    ? LETTER
    : /^\p{N}$/u.test(char)
      ? DIGIT
      : char === "_"
        ? UNDERSCORE
        : ".'’".includes(char)
          ? JOINS_ANY
          : ":·".includes(char)
            ? JOINS_LETTERS
            : ",;".includes(char)
              ? JOINS_DIGITS
              : OTHER,
);

interface Sentence {
  text: string;
  words: number;
  syllables: number;
}

// Words repeat (a page of 1,300 words has about 500 different ones): count each word's syllables once.
const remembered =
  (count: (word: string) => number, cache = new Map<string, number>()) =>
  (word: string): number => {
    let syllables = cache.get(word);
    if (syllables === undefined) cache.set(word, (syllables = count(word)));
    return syllables;
  };
const englishSyllables = remembered(syllable);
const spanishSyllablesOf = remembered((word) => spanishSyllables(word));

// The grade (or the Spanish score) and the long-sentence warnings read the same sentences: split
// each list of blocks once.
const sentencesOfBlocks = {
  en: new WeakMap<readonly string[], Sentence[]>(),
  es: new WeakMap<readonly string[], Sentence[]>(),
};

/** The sentences of prose blocks, with their words and syllables, split by the language's rules. */
function sentencesOf(blocks: readonly string[], language: TextLanguage): Sentence[] {
  const cached = sentencesOfBlocks[language].get(blocks);
  if (cached) return cached;
  const [sentenceSplitter, countSyllables] =
    language === "es" ? [spanishSentenceSegmenter, spanishSyllablesOf] : [sentenceSegmenter, englishSyllables];
  const found: Sentence[] = [];
  for (const block of blocks) {
    const text = language === "es" ? withoutSpanishAbbreviationStops(block) : block;
    const segments = isOneSentence(text) ? [{ segment: text }] : sentenceSplitter.segment(text);
    for (const { segment } of segments) {
      let words = 0;
      let syllables = 0;
      forEachWord(segment, (word) => {
        words++;
        syllables += countSyllables(word);
      });
      if (words > 0) found.push({ text: segment, words, syllables });
    }
  }
  sentencesOfBlocks[language].set(blocks, found);
  return found;
}

/**
 * Characters after which Unicode's sentence rules (UAX #29, which the segmenter follows) can end
 * a sentence: full stops and other terminators, and line and paragraph separators.
 */
const SENTENCE_BREAK_AFTER = /[\p{Sentence_Terminal}\n\r\u0085\u2028\u2029]/u;

/**
 * Whether the segmenter would find one sentence in `text`: nothing in it can end a sentence but
 * its last character. A list item or a one-sentence paragraph, then, is not segmented at all
 * (checked against the segmenter with every character of the first 65,536 before, inside and at
 * the end of a sentence: tests/unit/readability.test.ts keeps the hard cases).
 */
function isOneSentence(text: string): boolean {
  const breakAt = text.search(SENTENCE_BREAK_AFTER);
  return breakAt === -1 || breakAt === text.length - 1;
}

/** Words, sentences and syllables of prose blocks. */
function counts(blocks: readonly string[], language: TextLanguage) {
  let words = 0;
  let syllables = 0;
  const sentences = sentencesOf(blocks, language);
  for (const sentence of sentences) {
    words += sentence.words;
    syllables += sentence.syllables;
  }
  return { words, sentences: sentences.length, syllables };
}

/** Counts and grade for a list of prose blocks. */
export function readingStats(blocks: readonly string[]): ReadingStats {
  const { words, sentences, syllables } = counts(blocks, "en");
  const grade = words === 0 ? 0 : fleschKincaid({ sentence: sentences, word: words, syllable: syllables });
  return { words, sentences, syllables, grade: Math.round(grade * 10) / 10 };
}

/** Languages the site's prose is written in: each has its own sentence rules and formula. */
export type TextLanguage = "en" | "es";

/**
 * Sentences of more than `limit` words, with their word counts, in page order. In Spanish,
 * abbreviations with a full stop ("EE. UU.", "Dr.") do not end a sentence.
 */
export function longSentences(
  blocks: readonly string[],
  limit = LONG_SENTENCE_WORDS,
  language: TextLanguage = "en",
): Array<{ sentence: string; words: number }> {
  return sentencesOf(blocks, language)
    .filter((sentence) => sentence.words > limit)
    .map(({ text, words }) => ({ sentence: text.trim().replaceAll(ABBREVIATION_STOP, "."), words }));
}

/**
 * Flesch's reading ease (0 to 100, higher is easier; 60 to 70 is plain English) from the same
 * counts as the grade: the English figure that the Spanish score below is compared with.
 */
export function fleschReadingEase(stats: Pick<ReadingStats, "words" | "sentences" | "syllables">): number {
  if (stats.words === 0 || stats.sentences === 0) return 0;
  const ease = 206.835 - 1.015 * (stats.words / stats.sentences) - 84.6 * (stats.syllables / stats.words);
  return Math.round(ease * 10) / 10;
}

/** Flesch's own names for ranges of reading ease (Flesch, 1949), for the report. */
export function fleschBand(ease: number): string {
  const bands: Array<[number, string]> = [
    [90, "very easy"],
    [80, "easy"],
    [70, "fairly easy"],
    [60, "standard"],
    [50, "fairly difficult"],
    [30, "difficult"],
  ];
  return bands.find(([from]) => ease >= from)?.[1] ?? "very difficult";
}

// ---------------------------------------------------------------------------------------------
// Spanish. The grade formula above and the `syllable` package are English: on Spanish text they
// give numbers that mean nothing. Spanish pages are measured with the Szigriszt-Pazos
// perspicuity formula (Flesch's reading ease adapted to Spanish, the same 0-100 scale, higher is
// easier), read on the INFLESZ scale that Spanish health-information studies use (Barrio-Cantalejo
// et al., 2008). Syllables are counted by the rules of Spanish spelling below.
// ---------------------------------------------------------------------------------------------

export interface SpanishReadingStats {
  words: number;
  sentences: number;
  syllables: number;
  /** Szigriszt-Pazos perspicuity: 206.835 - 62.3 x syllables/words - words/sentences. */
  ease: number;
  /** The INFLESZ band of `ease`, e.g. "bastante fácil". */
  band: InfleszBand;
}

/** INFLESZ bands, lowest score of each first: a page for patients aims for "normal" or easier. */
export const INFLESZ_BANDS = [
  { from: 80, band: "muy fácil" },
  { from: 65, band: "bastante fácil" },
  { from: 55, band: "normal" },
  { from: 40, band: "algo difícil" },
  { from: -Infinity, band: "muy difícil" },
] as const;
export type InfleszBand = (typeof INFLESZ_BANDS)[number]["band"];

/** The lowest Spanish score a page may have: the "normal" band (about the English grade limit). */
export const SPANISH_EASE_MIN = 55;

/** The INFLESZ band of a Szigriszt-Pazos score. */
export const infleszBand = (ease: number): InfleszBand => INFLESZ_BANDS.find(({ from }) => ease >= from)!.band;

const spanishSentenceSegmenter = new Intl.Segmenter("es", { granularity: "sentence" });

/**
 * Abbreviations whose full stop is not the end of a sentence. The platform's segmenter has no
 * Spanish list of them, so "Vive en EE. UU. y..." would count as two sentences.
 */
const SPANISH_ABBREVIATIONS = /\b(EE|UU|Dr|Dra|Sr|Sra|Srta|Ud|Uds|Lic|núm|pág|p|ej|aprox|tel)\.(?=\s+\S)/g;

/** Stands in for an abbreviation's stop while segmenting (it looks the same; it ends nothing). */
const ABBREVIATION_STOP = "\u00b7";

function withoutSpanishAbbreviationStops(text: string): string {
  return text.replace(SPANISH_ABBREVIATIONS, `$1${ABBREVIATION_STOP}`);
}

/** Counts and Szigriszt-Pazos score (INFLESZ band) for Spanish prose blocks. */
export function spanishReadingStats(blocks: readonly string[]): SpanishReadingStats {
  const { words, sentences, syllables } = counts(blocks, "es");
  const ease = words === 0 ? 0 : Math.round((206.835 - 62.3 * (syllables / words) - words / sentences) * 10) / 10;
  return { words, sentences, syllables, ease, band: infleszBand(ease) };
}

/** Vowels that always make their own syllable next to another vowel: a, e, o, and a stressed í or ú. */
const OPEN_OR_STRESSED = /[aeoáéóíú]/;

/**
 * Syllables in one Spanish word, by the rules of Spanish spelling: every vowel group is one
 * syllable, except that two open vowels (a, e, o), or a stressed í or ú beside any vowel, are
 * said apart (hiatus: "le-er", "dí-a", "re-ír"). The u of que, qui, gue, gui is silent; ü is
 * said ("pin-güi-no"); y is a vowel at the end of a word or before a consonant ("hoy", "muy",
 * "y"); h between vowels does not separate them ("a-ho-ra", "prohi-bir"). Words without a
 * letter (numbers) count as one syllable. English names in Spanish text are counted as if
 * Spanish, which is close enough for a reading score.
 */
export function spanishSyllables(word: string): number {
  let text = word
    .toLowerCase()
    .normalize("NFC")
    .replace(/[^a-záéíóúüñ]/g, "");
  if (!text) return word.trim() ? 1 : 0;
  text = text
    .replace(/([qg])u(?=[eiéí])/g, "$1")
    .replace(/y(?![aeiouáéíóúü])/g, "i")
    .replace(/(?<=[aeiouáéíóúü])h(?=[aeiouáéíóúü])/g, "");
  let syllables = 0;
  for (const group of text.match(/[aeiouáéíóúü]+/g) ?? []) {
    syllables++;
    for (let index = 1; index < group.length; index++) {
      const before = group[index - 1]!;
      const after = group[index]!;
      const hiatus =
        (OPEN_OR_STRESSED.test(before) && OPEN_OR_STRESSED.test(after)) ||
        (before === after && !/[aeoáéó]/.test(before));
      if (hiatus) syllables++;
    }
  }
  return Math.max(1, syllables);
}
