/**
 * The content check reads a post's frontmatter values with js-yaml (the parser Astro reads them
 * with) and asks the `yaml` package, whose syntax tree knows each field's line, only when a
 * problem needs a line or js-yaml cannot read the text (src/lib/validate/frontmatter.ts). Both
 * must read the same values, or the check would judge other data than it reports lines for.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parseDocument } from "yaml";
import { listFiles } from "../../src/lib/content/files";
import { checkFrontmatter, quickValues } from "../../src/lib/validate/frontmatter";

const yamlPackageValues = (text: string): unknown => {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  return doc.errors.length ? "cannot be read" : doc.toJS();
};
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---/;
const quick = (text: string): unknown => quickValues(text)?.values ?? "cannot be read";

describe("frontmatter values", () => {
  test("every post's frontmatter here (the site, its Spanish edition, the fixtures) reads the same both ways", () => {
    const posts = ["content", "tests/fixtures"].flatMap((dir) =>
      listFiles(dir)
        .filter((file) => /\.mdx?$/.test(file))
        .map((file) => join(dir, file)),
    );
    let read = 0;
    for (const post of posts) {
      // Read without the MDX parser: some fixtures are broken MDX on purpose.
      const frontmatterText = FRONTMATTER.exec(readFileSync(post, "utf8"))?.[1] ?? "";
      // An empty one (a README) is the check's own problem before any YAML is read.
      if (!frontmatterText.trim()) continue;
      read++;
      expect(quick(frontmatterText), post).toEqual(yamlPackageValues(frontmatterText));
    }
    expect(read).toBeGreaterThan(40);
  });

  test("dates stay text, for the check's own date rules; numbers, lists and quotes read as YAML 1.2 reads them", () => {
    const text = [
      "published: 2025-02-30",
      "year: 2024",
      "draft: false",
      "answer: yes",
      "nothing: ~",
      'title: "Colon: quoted"',
      "topics: [second-opinions, insurance]",
      "sources:",
      "  - id: hhs-access",
      "    accessed: 2026-11-24",
    ].join("\n");
    expect(quick(text)).toEqual(yamlPackageValues(text));
    expect(quick(text)).toMatchObject({ published: "2025-02-30", year: 2024, answer: "yes", nothing: null });
  });

  test("what js-yaml cannot read is left to the yaml package, which names the line", () => {
    for (const broken of ["title: a\ntitle: b", 'title: "open', "topics: [a, b"])
      expect(quickValues(broken)).toBeUndefined();
    const { problems } = checkFrontmatter(
      'title: "open\ndescription: x',
      "articles",
      { authors: [], topics: [] },
      {
        file: "content/articles/x.mdx",
        firstLine: 2,
      },
    );
    expect(problems[0]).toMatchObject({
      field: "frontmatter",
      message: expect.stringMatching(/^the YAML cannot be read/),
    });
    expect(problems[0]?.line).toBeGreaterThanOrEqual(2);
  });

  test("a field's line is found from the text when a problem asks for it", () => {
    const text = ['title: "A title"', "description: short", "published: 2026-13-01"].join("\n");
    const { problems } = checkFrontmatter(
      text,
      "articles",
      { authors: [], topics: [] },
      {
        file: "content/articles/x.mdx",
        firstLine: 2,
      },
    );
    expect(problems.find((problem) => problem.field === "published")?.line).toBe(4);
    expect(problems.find((problem) => problem.field === "description")?.line).toBe(3);
  });
});
