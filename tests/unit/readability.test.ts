/**
 * English readability (src/lib/readability.ts): sentences are split as the platform's segmenter
 * splits them, whether a block goes through the segmenter or is seen to be one sentence first.
 */
import { describe, expect, test } from "vitest";
import { longSentences, readingStats } from "../../src/lib/readability";

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
