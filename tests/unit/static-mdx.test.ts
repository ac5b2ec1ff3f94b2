/**
 * A post's MDX body rendered to HTML as the build reads content (src/lib/markdown/static-mdx.ts):
 * each component gives the same HTML as its .astro component does in `astro dev`, headings get
 * Astro's ids, site links the base path, and a body it cannot render stops with the line.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import Callout from "../../src/components/mdx/Callout.astro";
import CallUs from "../../src/components/mdx/CallUs.astro";
import Checklist from "../../src/components/mdx/Checklist.astro";
import Cite from "../../src/components/mdx/Cite.astro";
import KeyFacts from "../../src/components/mdx/KeyFacts.astro";
import NextSteps from "../../src/components/mdx/NextSteps.astro";
import Term from "../../src/components/mdx/Term.astro";
import {
  glossaryReader,
  renderStaticMdx,
  StaticMdxError,
  staticMdxInputs,
  type StaticMdxPage,
} from "../../src/lib/markdown/static-mdx";
import { experimental_AstroContainer as AstroContainer } from "astro/container";
import mdxRenderer from "@astrojs/mdx/server.js";
import EveryFeature from "../fixtures/markdown/every-feature.mdx";
import { renderHtml } from "./render";

const sources = [
  { id: "nci-second", title: "A", publisher: "NCI", url: "https://www.cancer.gov/a", year: 2024 },
  { id: "hhs-access", title: "B", publisher: "HHS", url: "https://www.hhs.gov/b", year: 2024 },
];
const page = (extra: Partial<StaticMdxPage> = {}): StaticMdxPage => ({
  locale: "en",
  sources: sources.map((source) => source.id),
  base: "/",
  glossary: glossaryReader("content"),
  ...extra,
});
const html = (body: string, extra?: Partial<StaticMdxPage>) => renderStaticMdx(body, page(extra)).html;

describe("each component gives the HTML its .astro component gives", () => {
  test("Callout, with and without a type and title", async () => {
    expect(html('<Callout type="tip" title="Ask for copies">\nKeep **your own** set.\n</Callout>')).toBe(
      await renderHtml(Callout, {
        props: { type: "tip", title: "Ask for copies" },
        slots: { default: "<p>Keep <strong>your own</strong> set.</p>" },
      }),
    );
    expect(html("<Callout>\nA note.\n</Callout>")).toBe(
      await renderHtml(Callout, { slots: { default: "<p>A note.</p>" } }),
    );
  });

  test("KeyFacts and NextSteps, with their lists", async () => {
    expect(html("<KeyFacts>\n- One\n- Two\n</KeyFacts>")).toBe(
      await renderHtml(KeyFacts, { slots: { default: "<ul>\n<li>One</li>\n<li>Two</li>\n</ul>" } }),
    );
    expect(html('<NextSteps title="Then">\n1. Call\n</NextSteps>')).toBe(
      await renderHtml(NextSteps, { props: { title: "Then" }, slots: { default: "<ol>\n<li>Call</li>\n</ol>" } }),
    );
  });

  test("CallUs, with the default lead and with the editor's", async () => {
    expect(html("<CallUs />")).toBe(await renderHtml(CallUs));
    expect(html("<CallUs>\nTo ask whether we can see you,\n</CallUs>")).toBe(
      await renderHtml(CallUs, { slots: { default: "<p>To ask whether we can see you,</p>" } }),
    );
  });

  test("Checklist, with ruled lines for answers", async () => {
    expect(html('<Checklist id="my-questions" title="My questions" answerLines={2}>\n- One\n- Two\n</Checklist>')).toBe(
      await renderHtml(Checklist, {
        props: { id: "my-questions", title: "My questions", answerLines: 2 },
        slots: { default: "<ul>\n<li>One</li>\n<li>Two</li>\n</ul>" },
      }),
    );
  });

  test("Cite: numbered by the page's sources, each use its own anchor", async () => {
    const locals = { pageSources: sources };
    const expected = [
      await renderHtml(Cite, { props: { id: "hhs-access" }, locals }),
      await renderHtml(Cite, { props: { id: "nci-second" }, locals }),
      await renderHtml(Cite, { props: { id: "hhs-access" }, locals }),
    ].join(" and ");
    expect(html('See <Cite id="hhs-access" /> and <Cite id="nci-second" /> and <Cite id="hhs-access" />')).toBe(
      `<p>See ${expected}</p>`,
    );
  });

  test("Term: the first use opens the definition, a later one is the words alone, no words the glossary's", async () => {
    const locals = {};
    const expected = [
      await renderHtml(Term, { props: { id: "pathologist" }, slots: { default: "pathologists" }, locals }),
      await renderHtml(Term, { props: { id: "pathologist" }, slots: { default: "Pathologist" }, locals }),
      await renderHtml(Term, { props: { id: "biopsy" }, locals }),
    ].join(", ");
    expect(
      html(
        '<Term id="pathologist">pathologists</Term>, <Term id="pathologist">Pathologist</Term>, <Term id="biopsy" />',
      ),
    ).toBe(`<p>${expected}</p>`);
  });

  test("Spanish: the components' words and the glossary's are the page's language", async () => {
    const spanish = html('<Callout>\nUna nota.\n</Callout>\n\n<Term id="pathologist">patólogo</Term>', {
      locale: "es",
    });
    expect(spanish).toContain('<p class="callout__title">Nota</p>');
    expect(spanish).toContain('href="/es/glossary/#pathologist"');
    expect(spanish).not.toContain("More in the glossary");
  });
});

describe("the rest of the body", () => {
  test("headings get Astro's ids (repeats numbered) and are listed for the contents", () => {
    const { html: out, headings } = renderStaticMdx("## What to ask\n\nText\n\n## What to ask\n\n### Cost?\n", page());
    expect(out).toContain('<h2 id="what-to-ask">What to ask</h2>');
    expect(out).toContain('<h2 id="what-to-ask-1">What to ask</h2>');
    expect(headings).toEqual([
      { depth: 2, slug: "what-to-ask", text: "What to ask" },
      { depth: 2, slug: "what-to-ask-1", text: "What to ask" },
      { depth: 3, slug: "cost", text: "Cost?" },
    ]);
  });

  test("site links get the base path; other links and comments are left as written", () => {
    const out = html("[a](/guides/x/) [b](https://example.org/) [c](//cdn.example.org/) [d](#top)\n\n{/* a note */}", {
      base: "/patient-guides/",
    });
    expect(out).toContain('href="/patient-guides/guides/x/"');
    expect(out).toContain('href="https://example.org/"');
    expect(out).toContain('href="//cdn.example.org/"');
    expect(out).toContain('href="#top"');
    expect(out).not.toContain("a note");
  });

  test("a picture next to the post is marked for Astro to optimize; others are left as written", () => {
    const result = renderStaticMdx(
      "![A chart](./chart.png) ![A chart](./chart.png) ![Logo](/logo.svg) ![Far](https://example.org/a.png)",
      page(),
    );
    expect(result.imagePaths).toEqual(["./chart.png"]);
    expect(result.html).toContain(
      `<img __ASTRO_IMAGE_="${JSON.stringify({ alt: "A chart", src: "./chart.png", index: 0 }).replaceAll('"', "&quot;")}">`,
    );
    expect(result.html).toContain('"index":1'.replaceAll('"', "&quot;"));
    expect(result.html).toContain('<img src="/logo.svg" alt="Logo">');
    expect(result.html).toContain('<img src="https://example.org/a.png" alt="Far">');
  });

  test("HTML elements written as tags are kept, with their attributes and content", () => {
    expect(html('Water is H<sub>2</sub>O, <abbr title="World Health Organization">WHO</abbr> says.<br />')).toBe(
      '<p>Water is H<sub>2</sub>O, <abbr title="World Health Organization">WHO</abbr> says.<br></p>',
    );
    expect(html('<div class="note" aria-label="A note">\nSome **text**.\n</div>')).toBe(
      '<div class="note" aria-label="A note"><p>Some <strong>text</strong>.</p></div>',
    );
  });

  test("quotes and dashes are typeset, and tables kept, as in the site's Markdown", () => {
    const out = html('It\'s "fine" -- yes.\n\n| A |\n| - |\n| 1 |\n');
    expect(out).toContain("It’s “fine” – yes.");
    expect(out).toContain("<table>");
  });
});

describe("the same page in `astro dev` and in the build", () => {
  test("every Markdown feature gives the HTML @astrojs/mdx gives", async () => {
    const body = readFileSync("tests/fixtures/markdown/every-feature.mdx", "utf8");
    const container = await AstroContainer.create();
    container.addServerRenderer({ name: "@astrojs/mdx", renderer: mdxRenderer });
    expect(html(body)).toBe(await container.renderToString(EveryFeature));
  });
});

describe("a body it cannot render stops with the line and what to fix", () => {
  const failure = (body: string): StaticMdxError => {
    try {
      renderStaticMdx(body, page());
    } catch (error) {
      if (error instanceof StaticMdxError) return error;
      throw error;
    }
    throw new Error("expected the body to fail");
  };

  test.each([
    ["an unknown component", "Text\n\n<Callot>\nx\n</Callot>\n", 3, "<Callot> is not an editor component"],
    ["a bad prop", 'Text\n\n<Callout type="danger">\nx\n</Callout>\n', 3, '<Callout> got type="danger"'],
    ["a source the page does not list", 'One\n\nTwo <Cite id="nowhere" />\n', 3, '<Cite> got id="nowhere"'],
    ["a term with no glossary entry", '<Term id="oncologistt">x</Term>\n', 1, "content/glossary/oncologistt.yaml"],
    [
      "a checklist without a list",
      '<Checklist id="q" title="Q">\nJust text.\n</Checklist>\n',
      1,
      "needs a Markdown list",
    ],
    ["code in braces", "Text\n\nSo {1 + 1} it is.\n", 3, "Code in curly braces, {1 + 1}"],
    ["text that is not MDX", "Text\n\nA dose of 3 <4 mg.\n", 3, "the file cannot be read as MDX: Unexpected character"],
    ["an import", 'import X from "./x.astro";\n\nText\n', 1, "Posts cannot import or export code"],
    [
      "a prop that is code",
      '<Checklist id="q" title="Q" answerLines={n}>\n- x\n</Checklist>\n',
      1,
      "answerLines={...}",
    ],
  ])("%s", (_, body, line, message) => {
    const error = failure(body);
    expect(error.message).toContain(message);
    expect(error.line).toBe(line);
  });
});

describe("what every post's HTML is made from besides its file", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  test("changes when a glossary definition changes, and only then", () => {
    const dir = mkdtempSync(join(tmpdir(), "static-mdx-"));
    dirs.push(dir);
    cpSync("tests/fixtures/content", dir, { recursive: true });
    const before = staticMdxInputs(dir, "/");
    expect(staticMdxInputs(dir, "/")).toBe(before);
    writeFileSync(
      join(dir, "glossary/pathologist.yaml"),
      "term: Pathologist\ndefinition: A doctor who studies cells and tissue, in new words.\n",
    );
    expect(staticMdxInputs(dir, "/")).not.toBe(before);
  });

  test("changes with the base path, which site links carry", () => {
    expect(staticMdxInputs("tests/fixtures/content", "/a/")).not.toBe(staticMdxInputs("tests/fixtures/content", "/"));
  });
});
