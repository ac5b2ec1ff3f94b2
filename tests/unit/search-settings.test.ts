/**
 * The editors' search word lists (content/search/ in English, content/search/es/ in Spanish):
 * their shape, and one test per synonym entry that searching its words really searches the
 * words our pages use.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { parse as parseYaml } from "yaml";
import {
  loadSearchSettings,
  searchSettingsDir,
  synonymsSchema,
  synonymsSchemaFor,
  stopWordsSchema,
  withGlossaryAliases,
} from "../../src/lib/search-settings";
import { planQuery, queryWords, querySettings, synonymKey } from "../../src/lib/search-query";
import type { Locale } from "../../src/lib/i18n";

const SETTINGS_DIR = "content/search";
const settings = loadSearchSettings("en", SETTINGS_DIR);
const query = querySettings(settings);
const entries = Object.entries(
  parseYaml(readFileSync(join(SETTINGS_DIR, "synonyms.yaml"), "utf8")) as Record<string, string[]>,
);

describe("content/search/synonyms.yaml", () => {
  test("has entries, each a lowercase word or short phrase with words our pages use", () => {
    expect(entries.length).toBeGreaterThan(20);
    expect(synonymsSchema.safeParse(Object.fromEntries(entries)).success).toBe(true);
  });

  for (const [words, alternatives] of entries) {
    test(`searching "${words}" also searches ${alternatives.map((alternative) => `"${alternative}"`).join(", ")}`, () => {
      const term = planQuery(words, query).terms.find((candidate) => synonymKey(candidate.text) === synonymKey(words));
      expect(term, `"${words}" is not searched as one term`).toBeDefined();
      const searched = term!.alternatives.map((alternative) => alternative.query);
      for (const alternative of alternatives) expect(searched).toContain(queryWords(alternative).join(" "));
    });
  }

  test("a word's plural finds its synonyms too", () => {
    const scans = planQuery("copies of my scans", query).terms.find((term) => term.text === "scans");
    expect(scans?.alternatives.map((alternative) => alternative.query)).toContain("imaging");
  });
});

describe("content/search/stop-words.yaml", () => {
  const stopWords = parseYaml(readFileSync(join(SETTINGS_DIR, "stop-words.yaml"), "utf8")) as string[];
  test("is a list of single lowercase words", () => {
    expect(stopWordsSchema.safeParse(stopWords).success).toBe(true);
    expect(new Set(stopWords).size).toBe(stopWords.length);
  });
  test("leaves out words that are topics on their own, and every synonym's words", () => {
    for (const word of ["wait", "cost", "leave", "second", "records", "trial"])
      expect(stopWords, word).not.toContain(word);
  });
  test("makes questions search by their meaningful words", () => {
    const meaningful = (text: string) => planQuery(text, query).terms.map((term) => term.text);
    expect(meaningful("how can I get copies of my scans")).toEqual(["copies", "scans"]);
    expect(meaningful("what does a pathologist do")).toEqual(["pathologist"]);
    expect(meaningful("is a second opinion covered")).toEqual(["second", "opinion", "covered"]);
  });
});

describe("content/search/es/ (Spanish)", () => {
  const locale: Locale = "es";
  const dir = searchSettingsDir(locale);
  const spanish = querySettings(loadSearchSettings(locale));
  const spanishEntries = Object.entries(
    parseYaml(readFileSync(join(dir, "synonyms.yaml"), "utf8")) as Record<string, string[]>,
  );
  const stopWords = parseYaml(readFileSync(join(dir, "stop-words.yaml"), "utf8")) as string[];
  const meaningful = (text: string) => planQuery(text, spanish).terms.map((term) => term.text);

  test("are in their own folder, with entries in the same shape as the English", () => {
    expect(dir.endsWith(join("content", "search", "es"))).toBe(true);
    expect(spanishEntries.length).toBeGreaterThan(20);
    expect(synonymsSchemaFor(locale).safeParse(Object.fromEntries(spanishEntries)).success).toBe(true);
    expect(stopWordsSchema.safeParse(stopWords).success).toBe(true);
    expect(new Set(stopWords).size).toBe(stopWords.length);
  });

  for (const [words, alternatives] of spanishEntries) {
    test(`buscar "${words}" también busca ${alternatives.map((alternative) => `"${alternative}"`).join(", ")}`, () => {
      const term = planQuery(words, spanish).terms.find(
        (candidate) => synonymKey(candidate.text, locale) === synonymKey(words, locale),
      );
      expect(term, `"${words}" is not searched as one term`).toBeDefined();
      const searched = term!.alternatives.map((alternative) => alternative.query);
      for (const alternative of alternatives) expect(searched).toContain(queryWords(alternative).join(" "));
    });
  }

  test("leaves out words that mean something on their own", () => {
    for (const word of ["no", "sin", "dos", "tiempo", "costo", "esperar", "segunda", "historial", "ensayo"])
      expect(stopWords, word).not.toContain(word);
  });
  test("makes questions search by their meaningful words, accents typed or not", () => {
    expect(meaningful("¿Cómo obtengo una copia de mi historial médico?")).toEqual(["copia", "historial", "médico"]);
    expect(meaningful("como obtengo una copia de mi historial medico")).toEqual(["copia", "historial", "medico"]);
    expect(meaningful("¿Qué hace un patólogo?")).toEqual(["patólogo"]);
    expect(meaningful("que hace un patologo")).toEqual(["patologo"]);
  });
  test("finds synonyms with or without accents, in the plural too", () => {
    const alternatives = (text: string) =>
      planQuery(text, spanish).terms[0]?.alternatives.map((alternative) => alternative.query);
    for (const typed of ["escáner", "escaner", "escáneres", "ESCANERES"])
      expect(alternatives(typed), typed).toContain("imágenes");
    expect(alternatives("expedientes")).toContain("historial médico");
    expect(alternatives("estudios clinicos")).toContain("ensayo clínico");
  });
  test("with the Spanish glossary, an alias finds its term", () => {
    const glossary = ["placebo", "pathologist"].map(
      (id) => parseYaml(readFileSync(`content/es/glossary/${id}.yaml`, "utf8")) as { term: string; aliases: string[] },
    );
    const merged = querySettings(withGlossaryAliases(loadSearchSettings(locale), glossary));
    expect(
      planQuery("pastilla de azucar", merged).terms[0]?.alternatives.map((alternative) => alternative.query),
    ).toContain("placebo");
    // An alias written with and without accents is one entry, listing its term once.
    expect(withGlossaryAliases(loadSearchSettings(locale), glossary).synonyms["pastilla de azucar"]).toEqual([
      "Placebo",
    ]);
  });
});

describe("loadSearchSettings", () => {
  const dir = mkdtempSync(join(tmpdir(), "search-settings-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text);

  test("reads missing files as empty lists", () => {
    expect(loadSearchSettings("en", join(dir, "nowhere"))).toEqual({ locale: "en", stopWords: [], synonyms: {} });
  });
  test("keys synonyms by their singular words", () => {
    write("stop-words.yaml", "- the\n");
    write("synonyms.yaml", "ct scans: [imaging]\n");
    expect(loadSearchSettings("en", dir)).toEqual({
      locale: "en",
      stopWords: ["the"],
      synonyms: { "ct scan": ["imaging"] },
    });
  });
  test("in Spanish, keys drop accents and plurals, and stop words their accents", () => {
    write("stop-words.yaml", "- qué\n- cómo\n");
    write(
      "synonyms.yaml",
      "escáneres: [imágenes]\nescaner: [estudios por imágenes]\nexpedientes médicos: [historial médico]\n",
    );
    expect(loadSearchSettings("es", dir)).toEqual({
      locale: "es",
      stopWords: ["que", "como"],
      synonyms: { escaner: ["imágenes", "estudios por imágenes"], "expediente medico": ["historial médico"] },
    });
  });
  test("stops with the file, the entry and the fix when an entry is wrong", () => {
    write("synonyms.yaml", "Scan: [imaging]\nbill: []\nscan: [scans]\n");
    const message = (() => {
      try {
        loadSearchSettings("en", dir);
      } catch (error) {
        return (error as Error).message;
      }
      return "";
    })();
    expect(message).toMatch(/synonyms\.yaml has mistakes:\n/);
    expect(message).toContain('"Scan": write it in lowercase');
    expect(message).toContain('"bill": list at least one word our pages use');
    expect(message).toContain('"scan": "scan" lists itself');
    write("synonyms.yaml", "scan: [imaging]\n");
    write("stop-words.yaml", "- the\n- how do\n");
    expect(() => loadSearchSettings("en", dir)).toThrow(
      /stop-words\.yaml has mistakes:\n {2}entry 2: one word per line/,
    );
  });
  test("says when a file is not valid YAML", () => {
    write("stop-words.yaml", "- [unclosed\n");
    expect(() => loadSearchSettings("en", dir)).toThrow(/stop-words\.yaml cannot be read/);
  });
});

describe("withGlossaryAliases", () => {
  test("searches the term for each alias, skips very short aliases, and keeps the editors' entries first", () => {
    const merged = withGlossaryAliases({ stopWords: [], synonyms: { scan: ["imaging"] } }, [
      { term: "Placebo", aliases: ["sugar pill", "dummy treatment"] },
      { term: "Imaging", aliases: ["scans", "medical images"] },
      { term: "Overall survival", aliases: ["OS"] },
    ]);
    expect(merged.synonyms["sugar pill"]).toEqual(["Placebo"]);
    expect(merged.synonyms["scan"]).toEqual(["imaging"]);
    expect(merged.synonyms["os"]).toBeUndefined();
  });
  test("with the real glossary, an alias finds its term", () => {
    const glossary = ["placebo", "imaging"].map(
      (id) => parseYaml(readFileSync(`content/glossary/${id}.yaml`, "utf8")) as { term: string; aliases: string[] },
    );
    const merged = querySettings(withGlossaryAliases(settings, glossary));
    const term = planQuery("sugar pill", merged).terms[0];
    expect(term?.alternatives.map((alternative) => alternative.query)).toContain("placebo");
  });
});
