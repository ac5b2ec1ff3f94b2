import { describe, expect, test } from "vitest";
import { toString as hastToString } from "hast-util-to-string";
import ArticleHeader from "../../src/components/ArticleHeader.astro";
import TableOfContents from "../../src/components/TableOfContents.astro";
import SourceList from "../../src/components/SourceList.astro";
import { attr, render, type Rendered } from "./render";

/** The header's dates as "term: value" pairs, read from its <dt>/<dd> structure. */
const datePairs = (page: Rendered) =>
  page.all(".article-dates > div").map((pair) => {
    const [term, value] = pair.children.filter((child) => child.type === "element");
    return `${toText(term)}: ${toText(value)}`;
  });
const toText = (node: unknown) => hastToString(node as Parameters<typeof hastToString>[0]).replace(/\s+/g, " ").trim();

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const baseHeader = {
  kind: "Article",
  title: "Getting a second opinion",
  description: "What a second opinion is and how to get one.",
  author: { id: "editorial-team", name: "Patient Guides editorial team" },
  topics: [
    { id: "second-opinions", name: "Second opinions" },
    { id: "insurance", name: "Insurance and costs" },
  ],
  published: day("2014-06-16"),
  readingMinutes: 6,
};

describe("ArticleHeader", () => {
  test("shows title, summary, byline and topics as links", async () => {
    const page = await render(ArticleHeader, { props: baseHeader });
    expect(page.text("h1")).toBe("Getting a second opinion");
    expect(page.text(".lead")).toBe(baseHeader.description);
    expect(attr(page.one('a[href="/authors/editorial-team/"]'), "href")).toBe("/authors/editorial-team/");
    expect(page.all(".article-header__topics a").map((a) => attr(a, "href"))).toEqual(["/topics/second-opinions/", "/topics/insurance/"]);
    expect(page.text(".article-header__kind")).toBe("Article · 6 min read");
  });

  test("shows only the dates that are real: no update, no review", async () => {
    const page = await render(ArticleHeader, { props: baseHeader });
    expect(datePairs(page)).toEqual(["First published: June 16, 2014"]);
    expect(attr(page.one(".article-dates time"), "dateTime")).toBe("2014-06-16");
    expect(page.html).not.toMatch(/Reviewed|Last updated|Next review/);
  });

  test("shows update, a named review and the next review month when given", async () => {
    const page = await render(ArticleHeader, {
      props: {
        ...baseHeader,
        updated: day("2026-11-24"),
        reviewed: day("2026-11-20"),
        reviewer: { id: "a-reviewer", name: "A Reviewer" },
        nextReview: day("2027-11-24"),
      },
    });
    expect(datePairs(page)).toEqual([
      "First published: June 16, 2014",
      "Last updated: November 24, 2026",
      "Reviewed: November 20, 2026 by A Reviewer",
      "Next review due: November 2027",
    ]);
  });

  test("a review date without a named reviewer is not shown", async () => {
    const page = await render(ArticleHeader, { props: { ...baseHeader, reviewed: day("2026-11-20") } });
    expect(page.html).not.toContain("Reviewed");
  });

  test("credits the original when adapted", async () => {
    const page = await render(ArticleHeader, {
      props: {
        ...baseHeader,
        adaptedFrom: { title: "The 2014 post", author: { id: "vicky-hoffman", name: "Vicky Hoffman" }, published: day("2014-06-16") },
      },
    });
    expect(page.text(".article-header__credit")).toBe("Adapted from “The 2014 post” by Vicky Hoffman, first published June 16, 2014.");
  });
});

describe("TableOfContents", () => {
  const headings = [
    { depth: 2, slug: "your-right", text: "Your right" },
    { depth: 3, slug: "how-to-ask", text: "How to ask" },
    { depth: 2, slug: "what-to-ask", text: "What to ask" },
    { depth: 4, slug: "deep", text: "Too deep" },
  ];

  test("lists h2s with their h3s nested, skips deeper levels, adds extra sections", async () => {
    const page = await render(TableOfContents, { props: { headings, extra: [{ depth: 2, slug: "sources", text: "Sources" }] } });
    expect(attr(page.one("nav"), "ariaLabelledBy")).toBe("toc-heading");
    expect(page.all("nav > ol > li > a").map((a) => attr(a, "href"))).toEqual(["#your-right", "#what-to-ask", "#sources"]);
    expect(page.all("nav > ol > li ol a").map((a) => attr(a, "href"))).toEqual(["#how-to-ask"]);
    expect(page.html).not.toContain("#deep");
  });

  test("is left out when a page has one section or none", async () => {
    const page = await render(TableOfContents, { props: { headings: [headings[0]] } });
    expect(page.html.trim()).toBe("");
  });
});

describe("SourceList", () => {
  const sources = [
    { id: "nci", title: "A page", publisher: "National Cancer Institute", url: "https://www.cancer.gov/a", year: 2024 },
    { id: "cms", title: "Another", publisher: "CMS", url: "https://www.cms.gov/b", year: 2025 },
  ];
  test("numbers sources in order, with ids for citations and links back for cited ones only", async () => {
    const page = await render(SourceList, { props: { sources, cited: new Set(["cms"]) } });
    const items = page.all("ol > li");
    expect(items.map((li) => attr(li, "id"))).toEqual(["source-nci", "source-cms"]);
    expect(page.text("#source-nci")).toContain("National Cancer Institute. A page. 2024.");
    expect(page.all("#source-nci .sources__back")).toHaveLength(0);
    const back = page.one("#source-cms .sources__back");
    expect(attr(back, "href")).toBe("#cite-cms-1");
    expect(attr(back, "ariaLabel")).toBe("Back to text for source 2");
  });
});
