import { describe, expect, test } from "vitest";
import { toString as hastToString } from "hast-util-to-string";
import ArticleHeader from "../../src/components/ArticleHeader.astro";
import TableOfContents from "../../src/components/TableOfContents.astro";
import SourceList from "../../src/components/SourceList.astro";
import PageChanges from "../../src/components/PageChanges.astro";
import GetHelp from "../../src/components/GetHelp.astro";
import ReportProblem from "../../src/components/ReportProblem.astro";
import { site } from "../../src/site.config";
import { attr, render, type Rendered } from "./render";

/** The header's dates and review status, each as the reader sees it. */
const dateParts = (page: Rendered) => page.all(".article-dates > span").map((part) => toText(part));
const toText = (node: unknown) =>
  hastToString(node as Parameters<typeof hastToString>[0])
    .replace(/\s+/g, " ")
    .trim();

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const baseHeader = {
  kind: "Article",
  title: "Getting a second opinion",
  description: "What a second opinion is and how to get one.",
  author: { id: "editorial-team", name: "Patient Guides editorial team" },
  published: day("2014-06-16"),
  readingMinutes: 6,
};

describe("ArticleHeader", () => {
  test("shows title, summary, byline and reading time", async () => {
    const page = await render(ArticleHeader, { props: baseHeader });
    expect(page.text("h1")).toBe("Getting a second opinion");
    expect(page.text(".lead")).toBe(baseHeader.description);
    expect(attr(page.one('a[href="/authors/editorial-team/"]'), "href")).toBe("/authors/editorial-team/");
    expect(page.text(".article-header__kind")).toBe("Article · 6 min read");
  });

  test("without an update or a review: the first date, and says plainly that no clinician has reviewed it", async () => {
    const page = await render(ArticleHeader, { props: baseHeader });
    expect(dateParts(page)).toEqual(["First published June 16, 2014", "Not yet reviewed by a clinician"]);
    expect(attr(page.one(".article-dates time"), "dateTime")).toBe("2014-06-16");
    expect(attr(page.one("#review-status a"), "href")).toBe("/about/editorial-policy/#reviews");
    expect(page.html).not.toMatch(/Reviewed by|Last updated/);
  });

  test("with an update and a real review: the reviewer's name, credentials and date, linked to how reviews work", async () => {
    const page = await render(ArticleHeader, {
      props: {
        ...baseHeader,
        updated: day("2026-11-24"),
        reviewed: day("2026-11-20"),
        reviewer: { id: "a-reviewer", name: "A Reviewer", credentials: "MD" },
      },
    });
    expect(dateParts(page)).toEqual([
      "First published June 16, 2014",
      "Last updated November 24, 2026",
      "Reviewed by A Reviewer, MD on November 20, 2026 (how we review)",
    ]);
    expect(attr(page.one('#review-status a[href="/authors/a-reviewer/"]'), "href")).toBe("/authors/a-reviewer/");
    expect(page.html).not.toContain("Not yet reviewed");
  });

  test("a review date without a named reviewer is not shown as a review", async () => {
    const page = await render(ArticleHeader, { props: { ...baseHeader, reviewed: day("2026-11-20") } });
    expect(page.html).not.toContain("Reviewed by");
    expect(page.text("#review-status")).toBe("Not yet reviewed by a clinician");
  });

  test("on a page about U.S. law, says the rules are those of the United States", async () => {
    const page = await render(ArticleHeader, {
      props: baseHeader,
      slots: { default: '<span class="us-only">This page is about U.S. laws and programs.</span>' },
    });
    expect(page.text(".article-header__meta")).toContain("This page is about U.S. laws and programs.");
  });
});

describe("PageChanges", () => {
  const record = {
    topics: [
      { id: "second-opinions", name: "Second opinions" },
      { id: "insurance", name: "Insurance and costs" },
    ],
  };
  test("lists the changes newest first, with their dates, then the topics as links", async () => {
    const page = await render(PageChanges, {
      props: {
        ...record,
        changes: [
          { date: day("2026-11-24"), summary: "Rewrote the page in plain language." },
          { date: day("2026-12-02"), summary: "Corrected the Medicare rules." },
        ],
        nextReview: day("2027-11-24"),
      },
    });
    expect(attr(page.one("section"), "ariaLabelledBy")).toBe("changes");
    expect(page.all("li").map((li) => toText(li))).toEqual([
      "December 2, 2026: Corrected the Medicare rules.",
      "November 24, 2026: Rewrote the page in plain language.",
    ]);
    expect(page.text()).toContain("Next review due: November 2027.");
    expect(page.all('a[href^="/topics/"]').map((a) => attr(a, "href"))).toEqual([
      "/topics/second-opinions/",
      "/topics/insurance/",
    ]);
  });

  test("a page never changed says so, and credits the original when adapted", async () => {
    const page = await render(PageChanges, {
      props: {
        ...record,
        changes: [],
        adaptedFrom: {
          title: "The 2014 post",
          author: { id: "vicky-hoffman", name: "Vicky Hoffman" },
          published: day("2014-06-16"),
        },
      },
    });
    expect(page.text()).toContain("No changes since it was first published.");
    expect(page.text()).toContain("Adapted from “The 2014 post” by Vicky Hoffman, first published June 16, 2014.");
  });
});

describe("GetHelp", () => {
  test("lists every helpline from the site config with a dialable number, and the emergency line", async () => {
    const page = await render(GetHelp);
    expect(page.text()).toContain(site.emergency.en);
    for (const line of site.helplines) {
      expect(page.text()).toContain(line.name.en);
      expect(page.text(`a[href="tel:${line.phone.e164}"]`)).toBe(line.phone.display);
    }
    expect(page.text()).not.toMatch(/\d\s?(a\.m\.|p\.m\.)/i);
  });
});

describe("ReportProblem", () => {
  test("links to the feedback form with the page's address and title, as a plain link that needs no script", async () => {
    const url = "https://guides.example.org/guides/insurance/";
    const page = await render(ReportProblem, { props: { url, title: "Paying for a second opinion" } });
    const href = new URL(attr(page.one("a"), "href")!);
    const form = new URL(site.feedback.url);
    expect(`${href.origin}${href.pathname}`).toBe(`${form.origin}${form.pathname}`);
    expect(href.searchParams.get(site.feedback.pageField)).toBe(url);
    expect(href.searchParams.get("title")).toContain("Paying for a second opinion");
    expect(page.html).not.toContain("<script");
  });

  test("a title with accents, quotes, & and # reaches the form as written, its letters unescaped in the page", async () => {
    const url = "https://guides.example.org/es/guides/insurance/";
    const title = 'Cómo pagar: "Medicare" & planes #2 + 50% [a|b] <c>';
    const page = await render(ReportProblem, { props: { url, title } });
    const raw = attr(page.one("a"), "href")!;
    const href = new URL(raw);
    expect(href.searchParams.get("title")).toBe(`Problem on "${title}"`);
    expect(href.searchParams.get(site.feedback.pageField)).toBe(url);
    expect([...href.searchParams.keys()]).toEqual(["template", "title", site.feedback.pageField]);
    // The page repeats its title and address as text, which compresses; percent-encoding would not.
    expect(raw).toContain("Cómo+pagar");
    expect(raw).toContain(`${site.feedback.pageField}=${url}`);
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
    const page = await render(TableOfContents, {
      props: { headings, extra: [{ depth: 2, slug: "sources", text: "Sources" }] },
    });
    expect(attr(page.one("nav"), "ariaLabelledBy")).toBe("toc-heading");
    expect(page.all("nav details > ol > li > a").map((a) => attr(a, "href"))).toEqual([
      "#your-right",
      "#what-to-ask",
      "#sources",
    ]);
    expect(page.all("nav details > ol > li ol a").map((a) => attr(a, "href"))).toEqual(["#how-to-ask"]);
    // A closed disclosure on narrow screens, named by its summary.
    expect(page.text("summary#toc-heading")).toBe("On this page");
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
    const page = await render(SourceList, { props: { sources, citations: new Map([["cms", 1]]) } });
    const items = page.all("ol > li");
    expect(items.map((li) => attr(li, "id"))).toEqual(["source-nci", "source-cms"]);
    expect(page.text("#source-nci")).toContain("National Cancer Institute. A page. 2024.");
    expect(page.all("#source-nci .sources__back")).toHaveLength(0);
    const back = page.one("#source-cms .sources__back");
    expect(attr(back, "href")).toBe("#cite-cms-1");
    expect(attr(back, "ariaLabel")).toBe("Back to text for source 2");
  });

  test("a source cited in three places links back to each place", async () => {
    const page = await render(SourceList, { props: { sources, citations: new Map([["nci", 3]]) } });
    const backs = page.all("#source-nci .sources__back");
    expect(backs.map((a) => attr(a, "href"))).toEqual(["#cite-nci-1", "#cite-nci-2", "#cite-nci-3"]);
    expect(attr(backs[1]!, "ariaLabel")).toBe("Source 1, citation 2");
  });
});
