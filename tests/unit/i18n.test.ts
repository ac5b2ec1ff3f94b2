/**
 * The languages' interface text and the rules that pair pages across languages. The dictionaries'
 * types already stop a missing key at `astro check`; these tests also catch an empty or
 * untranslated value, and check the site identity's text in every language.
 */
import { describe, expect, test } from "vitest";
import { dictionaries } from "../../src/i18n/index.ts";
import { LOCALES, localePath, splitLocale } from "../../src/lib/i18n.ts";
import { formatDate, formatMonth } from "../../src/lib/dates.ts";
import { sharePath } from "../../src/lib/urls.ts";
import { site } from "../../src/site.config.ts";

type Tree = { [key: string]: unknown };

/** Every leaf of a dictionary as "path: value", calling functions with sample values. */
function leaves(tree: Tree, prefix = ""): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]): Array<[string, string]> => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "function")
      return [
        [
          path,
          String(
            (value as (...args: unknown[]) => unknown)(
              ...Array.from({ length: value.length }, (_, index) => `[${index + 1}]`),
            ),
          ),
        ],
      ];
    if (value && typeof value === "object") return leaves(value as Tree, path);
    return [[path, String(value)]];
  });
}

describe("interface dictionaries", () => {
  const english = new Map(leaves(dictionaries.en));

  test.each(LOCALES)("%s has exactly the English keys, none empty", (locale) => {
    const entries = new Map(leaves(dictionaries[locale]));
    expect([...entries.keys()].sort()).toEqual([...english.keys()].sort());
    const empty = [...entries].filter(
      ([key, value]) => !value.trim() && !(locale === "en" && key === "sources.inEnglish"),
    );
    expect(empty).toEqual([]);
  });

  test("Spanish text is translated: no value equals the English one, except names", () => {
    const same = leaves(dictionaries.es).filter(([key, value]) => english.get(key) === value && !/\[\d\]/.test(value));
    expect(same.map(([key]) => key)).toEqual([]);
  });

  test("a message keeps every value it is given", () => {
    for (const locale of LOCALES) {
      const t = dictionaries[locale];
      expect(t.post.staleNotice("24 de noviembre de 2026")).toContain("24 de noviembre de 2026");
      expect(t.sources.backToPlace(2, 5)).toMatch(/5.*2/);
      expect(t.lists.pages(1)).not.toBe(t.lists.pages(2).replace("2", "1"));
    }
  });
});

describe("site identity in every language", () => {
  test("every localized field of the site config has text in each language", () => {
    const localized = [
      site.name,
      site.tagline,
      site.disclaimer,
      site.emergency,
      site.organization.locations,
      ...site.organization.phones.map((line) => line.serves),
      ...site.helplines.flatMap((line) => [line.name, line.note]),
    ];
    for (const field of localized)
      for (const locale of LOCALES) expect(field[locale].trim(), JSON.stringify(field)).not.toBe("");
  });
});

describe("addresses in each language", () => {
  test("English stays at the root; Spanish lives under /es/ with the same page ids", () => {
    expect(localePath("/guides/insurance/", "en")).toBe("/guides/insurance/");
    expect(localePath("/guides/insurance/", "es")).toBe("/es/guides/insurance/");
    expect(localePath("/", "es")).toBe("/es/");
    expect(splitLocale("/es/guides/insurance/")).toEqual({ locale: "es", path: "/guides/insurance/" });
    expect(splitLocale("/es/")).toEqual({ locale: "es", path: "/" });
    expect(splitLocale("/guides/insurance/")).toEqual({ locale: "en", path: "/guides/insurance/" });
    // A page id that merely starts with "es" is not Spanish.
    expect(splitLocale("/estimates/")).toEqual({ locale: "en", path: "/estimates/" });
    expect(sharePath("guides", "insurance", "es")).toBe("/share/es/guides/insurance.png");
    expect(sharePath(undefined, undefined, "es")).toBe("/share/es/site.png");
  });

  test("dates read as each language writes them, on the calendar day given", () => {
    const day = new Date("2026-11-24T00:00:00Z");
    expect(formatDate(day, "es")).toBe("24 de noviembre de 2026");
    expect(formatDate(day, "en")).toBe("November 24, 2026");
    expect(formatMonth(day, "es")).toBe("noviembre de 2026");
  });
});
