/** What readers download has none of the markup that only the search indexer reads. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { indexSite, withoutIndexMarkup } from "../../src/lib/search-index.ts";
import { indexedFragments } from "../search-index.ts";

describe("withoutIndexMarkup", () => {
  const page =
    '<article class="post" data-pagefind-body data-pagefind-filter="type:Guide" data-pagefind-meta="type:Guide">' +
    '<span hidden data-pagefind-meta="updated:2026-12-02"></span><p hidden data-pagefind-weight="5">bill, costs</p>' +
    '<p class="lead" data-pagefind-meta="description">Summary.</p><nav class="toc" data-pagefind-ignore>Contents</nav>' +
    '<a href="/topics/insurance/" data-pagefind-filter="topic">Insurance</a></article>';

  test("drops the indexer's attributes, hidden date and hidden keywords, and keeps everything readers see", () => {
    expect(withoutIndexMarkup(page)).toBe(
      '<article class="post"><p class="lead">Summary.</p><nav class="toc">Contents</nav><a href="/topics/insurance/">Insurance</a></article>',
    );
  });

  test("keeps a hidden element that has content of its own, without the indexer's attribute", () => {
    expect(
      withoutIndexMarkup(
        '<span hidden data-pagefind-meta="a">t</span><p hidden data-pagefind-weight="5">a<b>c</b></p>',
      ),
    ).toBe("<span hidden>t</span><p hidden>a<b>c</b></p>");
  });

  test("leaves other hidden elements and data attributes alone", () => {
    const html = '<p class="checklist__actions" hidden><span data-code="ES">x</span></p>';
    expect(withoutIndexMarkup(html)).toBe(html);
  });
});

describe("indexSite", () => {
  test("a missing site fails, saying which folder", async () => {
    await expect(indexSite(join(tmpdir(), "patient-guides-no-such-site"))).rejects.toThrow(
      /ENOENT.*patient-guides-no-such-site/,
    );
  });

  describe("a page whose indexed body has a checklist (labels)", () => {
    const page =
      '<!doctype html><html lang="en"><head><title>Records</title></head><body><form><label for="q">Search</label></form>' +
      '<article data-pagefind-body data-pagefind-meta="type:Guide"><h1>Records</h1><p>Ask for these.</p>' +
      '<ul><li><input type="checkbox" id="c1"><label for="c1">Pathology slides and blocks</label></li></ul></article></body></html>';
    const siteWith = (records?: string) => {
      const site = mkdtempSync(join(tmpdir(), "pg-index-"));
      mkdirSync(join(site, "guides", "records"), { recursive: true });
      writeFileSync(join(site, "guides", "records", "index.html"), page);
      if (records !== undefined) {
        mkdirSync(join(site, "search"), { recursive: true });
        writeFileSync(join(site, "search", "records.json"), records);
      }
      return site;
    };

    test("is indexed with its labels' text, and keeps its labels without the indexer's markup", async () => {
      const site = siteWith("[]");
      try {
        await indexSite(site);
        expect(indexedFragments(site).map((fragment) => fragment.content)).toContainEqual(
          expect.stringContaining("Pathology slides and blocks"),
        );
        expect(readFileSync(join(site, "guides", "records", "index.html"), "utf8")).toBe(withoutIndexMarkup(page));
      } finally {
        rmSync(site, { recursive: true, force: true });
      }
    });

    test("gets its labels back when Pagefind fails after reading it", async () => {
      const site = siteWith("[]");
      // A stand-in for Pagefind's binary (the runner honours PAGEFIND_BINARY_PATH) that says whether
      // it was given the page with its labels as spans, then fails.
      const fake = join(site, "fake-pagefind.sh");
      writeFileSync(fake, '#!/bin/sh\ngrep -q "<span for=" "$2/guides/records/index.html" && exit 3\nexit 4\n', {
        mode: 0o755,
      });
      process.env.PAGEFIND_BINARY_PATH = fake;
      try {
        await expect(indexSite(site)).rejects.toThrow(/Pagefind could not index the site \(exit code 3\)/);
        expect(readFileSync(join(site, "guides", "records", "index.html"), "utf8")).toBe(page);
        expect(existsSync(join(site, "_search-records"))).toBe(false);
      } finally {
        delete process.env.PAGEFIND_BINARY_PATH;
        rmSync(site, { recursive: true, force: true });
      }
    });

    test("fails before touching the page when the build wrote no records", async () => {
      const site = siteWith();
      try {
        await expect(indexSite(site)).rejects.toThrow(/records\.json was not built/);
        expect(readFileSync(join(site, "guides", "records", "index.html"), "utf8")).toBe(page);
      } finally {
        rmSync(site, { recursive: true, force: true });
      }
    });
  });

  test("each record is a result of its own, at its own address, with its text, meta and filters", async () => {
    const site = mkdtempSync(join(tmpdir(), "pg-index-"));
    const record = (url: string, language: string, title: string, text: string) => ({
      url,
      content: `${title}. ${text}`,
      language,
      meta: { title, type: "Glossary" },
      filters: { type: ["Glossary"] },
    });
    const records = [
      record(
        "/glossary/#biopsy",
        "en",
        "Biopsy",
        'Taking a small piece of tissue to look at under a microscope, "the sample" <for & by> a lab.',
      ),
      record(
        "/es/glossary/#biopsia",
        "es",
        "Biopsia",
        "Sacar un pedazo pequeño de tejido para verlo con un microscopio.",
      ),
    ];
    try {
      mkdirSync(join(site, "search"), { recursive: true });
      writeFileSync(join(site, "search", "records.json"), JSON.stringify(records));
      writeFileSync(
        join(site, "index.html"),
        '<!doctype html><html lang="en"><head><title>Home</title></head><body><main data-pagefind-body><h1>Home</h1><p>Welcome.</p></main></body></html>',
      );
      // Left by a run that was killed before its clean-up: not indexed, and removed.
      mkdirSync(join(site, "_search-records"));
      writeFileSync(
        join(site, "_search-records", "0.html"),
        '<html lang="en"><body><main data-pagefind-body>Stale</main></body></html>',
      );
      const summary = await indexSite(site);
      expect(summary).toMatch(
        /^en: 1 pages, 1 glossary records, \d+ words for spelling; es: 0 pages, 1 glossary records, \d+ words/,
      );
      const fragments = indexedFragments(site);
      for (const { url, content, meta, filters } of records)
        expect(fragments).toContainEqual(expect.objectContaining({ url, content, meta, filters, anchors: [] }));
      expect(fragments.map((fragment) => fragment.url).sort()).toEqual([
        "/",
        "/es/glossary/#biopsia",
        "/glossary/#biopsy",
      ]);
      // The pages the records were written as for Pagefind are gone, and so is the records file.
      expect(readdirSync(site).sort()).toEqual(["index.html", "pagefind", "search"]);
      expect(readdirSync(join(site, "search"))).toEqual([]);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});
