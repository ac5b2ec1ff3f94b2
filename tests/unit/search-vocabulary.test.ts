/** The spelling vocabulary each language's search loads (src/lib/search-vocabulary.ts). */
import { describe, expect, test } from "vitest";
import { buildVocabulary, vocabularyFile, vocabularyWords } from "../../src/lib/search-vocabulary";

describe("the vocabulary", () => {
  test("has a file per language", () => {
    expect(vocabularyFile("en")).toBe("vocabulary.json");
    expect(vocabularyFile("es")).toBe("vocabulary-es.json");
  });
  test("keeps words with their accents and leaves out stop words, whichever way they are accented", () => {
    const stopWords = new Set(["como", "tambien", "sobre"]);
    expect(vocabularyWords("Cómo pedir también su historial médico sobre", stopWords)).toEqual([
      "pedir",
      "historial",
      "médico",
    ]);
  });
  test("a word is a run of letters in any script, lowercased; digits, marks and dashes split words", () => {
    expect(
      vocabularyWords("STRASSE Straße naïve-word İstanbul ŉabc 𝐀𝐁𝐂𝐃 cancer2023stage x\u0307xxxx", new Set()),
    ).toEqual([
      "strasse",
      "straße",
      "naïve",
      "word",
      // "İ" lowercases to "i" and a combining dot, which is not a letter
      "stanbul",
      "ŉabc",
      "𝐀𝐁𝐂𝐃",
      "cancer",
      "stage",
      "xxxx",
    ]);
  });
  test("weighs titles above text", () => {
    const words = buildVocabulary(
      [
        {
          content: "Historial médico. Texto sobre laminillas y laminillas.",
          meta: { title: "Historial médico" },
          anchors: [],
        },
      ],
      new Set(["sobre"]),
    ).split(" ");
    expect(words.slice(0, 2)).toEqual(["historial", "médico"]);
    expect(words).toContain("laminillas");
    expect(words).not.toContain("sobre");
  });
});
