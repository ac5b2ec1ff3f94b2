/**
 * What the search script says, in each language (src/lib/search-messages.ts): every message
 * from the dictionaries' `search` section, with its values' places kept.
 */
import { describe, expect, test } from "vitest";
import { dictionaries } from "../../src/i18n";
import { LOCALES, LOCALE_INFO } from "../../src/lib/i18n";
import { fill, fillParts, searchMessages } from "../../src/lib/search-messages";

describe("searchMessages", () => {
  for (const locale of LOCALES) {
    test(`${locale}: every message is text, and each keeps a place for each of its values`, () => {
      const messages = searchMessages(dictionaries[locale], LOCALE_INFO[locale].intl);
      for (const [key, value] of Object.entries(messages)) expect(value.trim(), key).not.toBe("");
      expect(messages.resultsFor).toMatch(/\{0\}.*\{1\}/s);
      for (const key of ["resultsForCorrected"] as const)
        for (const slot of ["{0}", "{1}", "{2}"]) expect(messages[key]).toContain(slot);
      for (const key of ["showingInstead"] as const)
        for (const slot of ["{0}", "{1}"]) expect(messages[key]).toContain(slot);
      for (const key of [
        "noResults",
        "didYouMeanSentence",
        "noResultsHelp",
        "manyResults",
        "showingBest",
        "showingCount",
        "didYouMean",
        "otherSections",
      ] as const) {
        expect(messages[key], key).toContain("{0}");
      }
      expect(messages.glossaryType).toBe(dictionaries[locale].glossary.title);
    });
  }
  test("Spanish says it in Spanish, with Spanish dates", () => {
    const messages = searchMessages(dictionaries.es, LOCALE_INFO.es.intl);
    expect(fill(messages.noResults, "medico")).toBe("No hay resultados para “medico”.");
    expect(fill(messages.resultsFor, fill(messages.manyResults, "3"), "historial")).toBe(
      "3 resultados para “historial”.",
    );
    expect(messages.glossaryType).toBe("Glosario");
    expect(
      new Intl.DateTimeFormat(messages.dates, {
        year: "numeric",
        month: "long",
        day: "numeric",
        timeZone: "UTC",
      }).format(new Date("2026-11-24T00:00:00Z")),
    ).toBe("24 de noviembre de 2026");
  });
});

describe("fill and fillParts", () => {
  test("put values in their places, leaving a place without a value as it is", () => {
    expect(fill("{0} for “{1}”.", "2 results", "iort")).toBe("2 results for “iort”.");
    expect(fill("{0} and {1}", "one")).toBe("one and {1}");
  });
  test("split a template around values that are not text", () => {
    const link = { link: true };
    expect(fillParts("Did you mean {0}?", link)).toEqual(["Did you mean ", link, "?"]);
    expect(fillParts<unknown>("{0}. Search instead for {1}.", "a", link)).toEqual([
      "a",
      ". Search instead for ",
      link,
      ".",
    ]);
  });
});
