/**
 * English readability (src/lib/readability.ts): sentences are split as the platform's segmenter
 * splits them, whether a block goes through the segmenter or is seen to be one sentence first.
 */
import { describe, expect, test } from "vitest";
import { forEachWord, longSentences, readingStats } from "../../src/lib/readability";

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });
const segmenterSentences = (block: string) =>
  [...segmenter.segment(block)].filter(({ segment }) => /[\p{L}\p{N}]/u.test(segment)).length;

describe("sentences", () => {
  const blocks = [
    "No full stop here",
    "One sentence.",
    "One sentence, with a question at the end?",
    "Two sentences. Here is the second",
    "Ask first! Then wait.",
    "Dr. Smith reads the slides.",
    "It ends in a quote.” Then more.",
    "A line\u2028and a paragraph separator\u2029in one block",
    "A fullwidth stop．And then more",
    "One leader\u2024 and more",
    "Why? Because.",
    "Wait… what",
  ];
  test.each(blocks)("%j: as many as the segmenter finds", (block) => {
    expect(readingStats([block]).sentences).toBe(segmenterSentences(block));
  });
  test("a long sentence is found whole when nothing in it can end it", () => {
    const words = Array.from({ length: 30 }, (_, at) => `word${at}`).join(" ");
    expect(longSentences([words], 25)).toEqual([{ sentence: words, words: 30 }]);
  });
});

describe("words", () => {
  // The rule forEachWord reads a character at a time, as a regular expression.
  const WORD =
    /[\p{L}\p{M}\p{N}_]+(?:(?:(?<=[\p{L}\p{M}])[.'’:·](?=[\p{L}\p{M}])|(?<=\p{N})[.,;'’](?=\p{N}))[\p{L}\p{M}\p{N}_]+)*/gu;
  const scanned = (text: string) => {
    const words: string[] = [];
    forEachWord(text, (word) => words.push(word));
    return words;
  };
  const matched = (text: string) => Array.from(text.matchAll(WORD), ([word]) => word);

  test("joins across an apostrophe or stop between letters, and a comma or stop between digits", () => {
    expect(scanned("Don't pay $1,000.50 e.g. for rock’n’roll: a·b x_y 3. .5 1,a")).toEqual([
      "Don't",
      "pay",
      "1,000.50",
      "e.g",
      "for",
      "rock’n’roll",
      "a·b",
      "x_y",
      "3",
      "5",
      "1",
      "a",
    ]);
  });

  test("finds what the expression finds, with every character of the first 65,536 beside letters and digits", () => {
    let differ = 0;
    for (let code = 0; code < 0x10000; code++) {
      const char = String.fromCharCode(code);
      for (const text of [char, `a${char}b`, `1${char}2`, `x ${char}${char} y`, `_${char}a`, `a${char}1`, `é${char}`]) {
        const [got, want] = [scanned(text), matched(text)];
        if (got.length !== want.length || got.some((word, at) => word !== want[at])) differ++;
      }
    }
    expect(differ).toBe(0);
    for (const text of ["𝒜b'c 𝟙.𝟚", "\uD800a", "a\uDC00b", "😀'a"]) expect(scanned(text)).toEqual(matched(text));
  });
});
