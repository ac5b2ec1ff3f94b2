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
