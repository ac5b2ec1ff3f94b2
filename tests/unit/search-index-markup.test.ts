/** What readers download has none of the markup that only the search indexer reads. */
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
});
