/** What readers download has none of the markup that only the search indexer reads. */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { indexSite, withoutIndexMarkup } from "../../src/lib/search-index.ts";

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
        const fragments = readdirSync(join(site, "pagefind", "fragment")).map((name) =>
          gunzipSync(readFileSync(join(site, "pagefind", "fragment", name))).toString("utf8"),
        );
        expect(fragments.join("\n")).toContain("Pathology slides and blocks");
        expect(readFileSync(join(site, "guides", "records", "index.html"), "utf8")).toBe(withoutIndexMarkup(page));
      } finally {
        rmSync(site, { recursive: true, force: true });
      }
    });

    test("gets its labels back when indexing fails after Pagefind has read it", async () => {
      const site = siteWith();
      try {
        await expect(indexSite(site)).rejects.toThrow(/records\.json was not built/);
        expect(readFileSync(join(site, "guides", "records", "index.html"), "utf8")).toBe(page);
      } finally {
        rmSync(site, { recursive: true, force: true });
      }
    });
  });
});
