import { describe, expect, test } from "vitest";
import {
  SYNONYM_WEIGHT,
  Vocabulary,
  capWithin,
  pagesFirst,
  correctQuery,
  editDistance,
  foldAccents,
  synonymKey,
  idf,
  pageRarity,
  fuseResults,
  planQuery,
  queryWords,
  querySettings,
  singular,
  type ScoredHit,
} from "../../src/lib/search-query";

const settings = querySettings({
  stopWords: ["how", "can", "i", "get", "of", "my", "what", "does", "a", "do", "is", "the", "for", "to"],
  synonyms: { scan: ["imaging"], "sugar pill": ["placebo"], bill: ["fees", "insurance"] },
});
const texts = (query: string) => planQuery(query, settings).terms.map((term) => term.text);

describe("queryWords and singular", () => {
  test("lowercase words without punctuation around them; hyphens inside stay", () => {
    expect(queryWords("  What's NCI-designated? (IORT), records.")).toEqual([
      "whats",
      "nci-designated",
      "iort",
      "records",
    ]);
  });
  test("a rough singular for looking words up", () => {
    expect(
      ["scans", "copies", "bills", "glasses", "diagnosis", "status", "doctors", "fees"].map((word) => singular(word)),
    ).toEqual(["scan", "copy", "bill", "glass", "diagnosis", "status", "doctor", "fee"]);
  });
});

describe("accents and Spanish plurals", () => {
  test("foldAccents drops accents and keeps the letters", () => {
    expect(foldAccents("radioterapia intraoperatória, médico, ESCÁNER, año, pingüino")).toBe(
      "radioterapia intraoperatoria, medico, ESCANER, ano, pinguino",
    );
  });
  test("a Spanish word and its plural share one key, accents aside", () => {
    const key = (word: string) => synonymKey(word, "es");
    expect(key("hospitales")).toBe(key("hospital"));
    expect(key("exámenes")).toBe(key("examen"));
    expect(key("imágenes")).toBe(key("imagen"));
    expect(key("pacientes")).toBe(key("paciente"));
    expect(key("médicos")).toBe(key("medico"));
    expect(key("escáneres")).toBe(key("escaner"));
    expect(key("registros médicos")).toBe("registro medico");
    expect(["análisis", "virus", "mes"].map(key)).toEqual(["analisis", "virus", "mes"]);
  });
  test("Spanish stop words match with or without accents, and synonyms in the plural", () => {
    const spanish = querySettings({
      locale: "es",
      stopWords: ["qué", "como", "mi", "un", "hace"],
      synonyms: { escaner: ["imágenes"] },
    });
    expect(planQuery("¿Qué hace un patólogo?", spanish).terms.map((term) => term.text)).toEqual(["patólogo"]);
    expect(planQuery("que hace un patologo", spanish).terms.map((term) => term.text)).toEqual(["patologo"]);
    expect(planQuery("cómo veo mis escáneres", spanish).terms.map((term) => term.text)).toEqual([
      "veo",
      "mis",
      "escáneres",
    ]);
    expect(planQuery("escaneres", spanish).terms[0]?.alternatives.map((alternative) => alternative.query)).toEqual([
      "escaneres",
      "imágenes",
    ]);
  });
});

describe("planQuery", () => {
  test("drops filler words, keeping the meaningful ones in the reader's order", () => {
    expect(texts("how can I get copies of my scans")).toEqual(["copies", "scans"]);
    expect(texts("what does a pathologist do")).toEqual(["pathologist"]);
    expect(texts("is a second opinion covered")).toEqual(["second", "opinion", "covered"]);
  });
  test("keeps the query as typed, for the box, the URL and the announcements", () => {
    expect(planQuery("How can I get copies of my scans?", settings).query).toBe("How can I get copies of my scans?");
  });
  test("searches a query of filler words only as typed rather than not at all", () => {
    expect(texts("what is the")).toEqual(["what", "is", "the"]);
  });
  test("attaches synonyms to a word (in its plural too) and to a phrase, weighted below the reader's word", () => {
    const [copies, scans] = planQuery("copies of my scans", settings).terms;
    expect(copies?.alternatives).toEqual([{ query: "copies", weight: 1 }]);
    expect(scans?.alternatives).toEqual([
      { query: "scans", weight: 1 },
      { query: "imaging", weight: SYNONYM_WEIGHT },
    ]);
    expect(planQuery("a sugar pill", settings).terms).toEqual([
      {
        text: "sugar pill",
        alternatives: [
          { query: "sugar pill", weight: 1 },
          { query: "placebo", weight: SYNONYM_WEIGHT },
        ],
      },
    ]);
  });
  test("a repeated word is one term, and a long query keeps its first ten terms", () => {
    expect(texts("records records")).toEqual(["records"]);
    expect(texts(Array.from({ length: 14 }, (_, index) => `word${index}`).join(" "))).toHaveLength(10);
  });
});

describe("fuseResults", () => {
  const hit = (id: string, score: number, words: number[] = [1]): ScoredHit<string> => ({
    id,
    score,
    words,
    result: id,
  });
  test("ranks pages with every meaningful word above pages with some, and sums the terms' scores", () => {
    const plan = planQuery("copies scans", settings);
    // copies: A strong, B weak; scans: B; imaging: C
    const fused = fuseResults(plan, [[[hit("A", 5), hit("B", 1)]], [[hit("B", 1)], [hit("C", 2)]]]);
    expect(fused.map((result) => result.id)).toEqual(["B", "A", "C"]);
    expect(fused[0]).toMatchObject({ matched: 2, score: 2 });
    expect(fused[1]).toMatchObject({ matched: 1, score: 5 * 0.25 });
    expect(fused[2]?.score).toBeCloseTo(2 * SYNONYM_WEIGHT * 0.25);
  });
  test("counts each term's best alternative once, and keeps every word position for excerpts", () => {
    const plan = planQuery("scans", settings);
    const fused = fuseResults(plan, [[[hit("A", 1, [9, 3])], [hit("A", 4, [20])]]]);
    expect(fused).toHaveLength(1);
    expect(fused[0]?.score).toBeCloseTo(4 * SYNONYM_WEIGHT);
    expect(fused[0]?.locations.get(0)).toEqual([3, 9, 20]);
    // The reader's own word, not the synonym, is what a link points at first.
    expect([...fused[0]!.ownWords].sort()).toEqual([3, 9]);
  });
});

describe("pageRarity", () => {
  test("a word on every page counts for next to nothing, however rare the glossary makes it look", () => {
    const everywhere = pageRarity({ pages: 12, records: 63, pagesMatched: 12, recordsMatched: 13 });
    const onThree = pageRarity({ pages: 12, records: 63, pagesMatched: 3, recordsMatched: 4 });
    expect(everywhere).toBeLessThan(0.05);
    expect(onThree).toBeGreaterThan(0.4);
    expect(onThree * idf(63, 4)).toBeCloseTo(idf(12, 3));
  });
  test("leaves scores alone when only glossary entries match, or nothing is known", () => {
    expect(pageRarity({ pages: 12, records: 63, pagesMatched: 0, recordsMatched: 2 })).toBe(1);
    expect(pageRarity({ pages: 0, records: 0, pagesMatched: 0, recordsMatched: 0 })).toBe(1);
  });
});

describe("capWithin and pagesFirst", () => {
  const isEntry = (id: string) => id.startsWith("g");
  test("lets at most one glossary entry into the top three, moving the others just after", () => {
    expect(capWithin(["g1", "g2", "p1", "g3", "p2", "p3"], isEntry, 1, 3)).toEqual([
      "g1",
      "p1",
      "p2",
      "g2",
      "g3",
      "p3",
    ]);
    expect(capWithin(["p1", "p2"], isEntry, 1, 3)).toEqual(["p1", "p2"]);
  });
  test("puts the best page first and the best entry right after it", () => {
    expect(pagesFirst(["g1", "g2", "p1", "g3", "p2", "p3"], isEntry)).toEqual(["p1", "g1", "p2", "g2", "g3", "p3"]);
    expect(pagesFirst(["p1", "g1", "p2"], isEntry)).toEqual(["p1", "g1", "p2"]);
    expect(pagesFirst(["g1", "g2"], isEntry)).toEqual(["g1", "g2"]);
  });
});

describe("editDistance", () => {
  test("counts insertions, deletions, substitutions and swaps of neighbours as one edit each", () => {
    expect(editDistance("pathalogy", "pathology")).toBe(1);
    expect(editDistance("oncolgist", "oncologist")).toBe(1);
    expect(editDistance("palcebo", "placebo")).toBe(1);
    expect(editDistance("mamogram", "mammograms")).toBe(2);
    expect(editDistance("trails", "trials")).toBe(1);
  });
  test("stops once over the limit", () => {
    expect(editDistance("insurance", "radiation", 2)).toBe(3);
  });
});

describe("Vocabulary", () => {
  const vocabulary = new Vocabulary([
    "pathology",
    "oncologist",
    "mammograms",
    "insurance",
    "trials",
    "second",
    "hipaa",
    "placebo",
    "path",
  ]);
  test("corrects a misspelled word to the closest site word", () => {
    expect(vocabulary.correct("pathalogy")).toBe("pathology");
    expect(vocabulary.correct("oncolgist")).toBe("oncologist");
    expect(vocabulary.correct("mamogram")).toBe("mammograms");
    expect(vocabulary.correct("trails")).toBe("trials");
    expect(vocabulary.correct("secnd")).toBe("second");
    expect(vocabulary.correct("hippa")).toBe("hipaa");
  });
  test("leaves known words, the start of a known word, short words and numbers alone", () => {
    expect(vocabulary.correct("insurance")).toBeUndefined();
    expect(vocabulary.correct("insura")).toBeUndefined();
    expect(vocabulary.correct("pth")).toBeUndefined();
    expect(vocabulary.correct("2026")).toBeUndefined();
    expect(new Vocabulary(["targit", "target"]).correct("targit-a")).toBeUndefined();
  });
  test("does not guess when nothing is close", () => {
    expect(vocabulary.correct("weather")).toBeUndefined();
  });
  test("prefers the weightier word (earlier in the list) between equally close ones", () => {
    expect(new Vocabulary(["trials", "trails"]).correct("trils")).toBe("trials");
  });
  test("reads the file the build writes", () => {
    expect(Vocabulary.parse({ words: "pathology records" }).words).toEqual(["pathology", "records"]);
    expect(Vocabulary.parse({}).words).toEqual([]);
    expect(Vocabulary.parse({ words: "médico" }, "es").locale).toBe("es");
  });
  test("knows a word typed without its accents, or with the wrong ones, and corrects to the site's spelling", () => {
    const spanish = new Vocabulary(
      ["historial", "médico", "radioterapia", "intraoperatoria", "patólogo", "ensayo", "laminillas"],
      "es",
    );
    for (const word of ["medico", "médico", "intraoperatória", "patologo", "historiales", "médicos"])
      expect(spanish.knows(word), word).toBe(true);
    expect(spanish.correct("medicco")).toBe("médico");
    expect(spanish.correct("patologp")).toBe("patólogo");
    expect(spanish.correct("ensallo")).toBe("ensayo");
    expect(spanish.correct("laminilas")).toBe("laminillas");
    expect(spanish.correct("intraoperatória")).toBeUndefined();
  });
});

describe("correctQuery", () => {
  const vocabulary = new Vocabulary(["trials", "clinical", "pathology"]);
  test("corrects only the words found unknown, keeping the reader's other words", () => {
    expect(correctQuery("clinical trails near me", new Set(["trails"]), vocabulary)).toEqual({
      query: "clinical trials near me",
      corrections: [{ from: "trails", to: "trials" }],
    });
  });
  test("returns nothing when no word can be corrected", () => {
    expect(correctQuery("weather", new Set(["weather"]), vocabulary)).toBeUndefined();
  });
});
