/**
 * A post's citations are compiled to their HTML (src/lib/markdown/citations.ts): each one the Cite
 * component would render, numbered and counted as it numbers and counts them, in the page's
 * language; any other is left to the component, which stops the build with its message.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { mdxToJs, type MdxToJsResult } from "satteri";
import { describe, expect, test } from "vitest";
import { citationsPlugin } from "../../src/lib/markdown/citations";

const CONTENT = join("/", "site", "content");
const SOURCES = [{ id: "hhs-access" }, { id: "nci-second" }];

/** The page's JSX after the plugin, as Astro's MDX compile gets it (with the frontmatter Astro gives plugins). */
function compiled(body: string, file = join(CONTENT, "articles", "page.mdx"), sources: unknown = SOURCES): string {
  const result = mdxToJs(body, {
    mdastPlugins: [citationsPlugin({ contentDir: CONTENT })],
    fileURL: pathToFileURL(file),
    // Only what the plugin reads of what Astro gives plugins.
    data: { astro: { frontmatter: { sources } } } as never,
    jsx: true,
  }) as MdxToJsResult;
  return result.code;
}

describe("compiled citations", () => {
  test("are numbered by the page's sources and counted per source, each with its own anchor", () => {
    const code = compiled('One.<Cite id="nci-second" /> Two.<Cite id="hhs-access" /> Three.<Cite id="nci-second" />');
    expect(code).not.toContain("<Cite");
    const anchors = [...code.matchAll(/id="(cite-[^"]+)" href="#([^"]+)" aria-label="([^"]+)">\{"\[(\d)\]"\}/g)];
    expect(anchors.map((match) => match.slice(1))).toEqual([
      ["cite-nci-second-1", "source-nci-second", "Source 2", "2"],
      ["cite-hhs-access-1", "source-hhs-access", "Source 1", "1"],
      ["cite-nci-second-2", "source-nci-second", "Source 2", "2"],
    ]);
    expect(code).toContain('className="cite" data-pagefind-ignore');
  });

  test("an id in braces counts as the same text, as the content check reads it", () => {
    expect(compiled('Text.<Cite id={"hhs-access"} />')).toContain('id="cite-hhs-access-1"');
  });

  test("a Spanish page's citations are labelled in Spanish", () => {
    expect(compiled('Texto.<Cite id="hhs-access" />', join(CONTENT, "es", "articles", "page.mdx"))).toContain(
      'aria-label="Fuente 1"',
    );
  });

  test("anything the component would not render is left to it, and so is a file outside the content folder", () => {
    expect(compiled('Text.<Cite id="not-a-source" />')).toContain('<Cite id="not-a-source" />');
    expect(compiled('Text.<Cite id="hhs-access" extra="x" />')).toContain("<Cite");
    expect(compiled("Text.<Cite id={someId} />")).toContain("<Cite");
    expect(compiled('Text.<Cite id="hhs-access" />', join("/", "elsewhere", "page.mdx"))).toContain("<Cite");
    expect(compiled('Text.<Cite id="hhs-access" />', undefined, "not a list")).toContain("<Cite");
  });
});
