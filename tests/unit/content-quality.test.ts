/**
 * Editorial rules the build cannot see: every page reads at grade 10 or below, every guide cites
 * at least three sources, every listed source is cited, and no sentence is copied from the 2014
 * article the site replaces.
 */
import { execFileSync } from "node:child_process";
import { existsSync, globSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { parse as parseYaml } from "yaml";
import type { Root, RootContent } from "mdast";
import { parseMdx } from "../../src/lib/mdx-source.ts";
import { READING_GRADE_LIMIT as GRADE_LIMIT, proseBlocks, readingStats } from "../../src/lib/readability.ts";
import { site } from "../../src/site.config.ts";

const MIN_GUIDE_SOURCES_CITED = 3;

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const contentRoot = resolve(repoRoot, "content");

interface Page {
  /** e.g. "content/guides/insurance.mdx" */
  file: string;
  collection: "articles" | "guides";
  tree: Root;
  sourceIds: string[];
}

const pages: Page[] = globSync("{articles,guides}/**/*.{md,mdx}", { cwd: contentRoot })
  .sort()
  .map((file) => {
    const { frontmatterText, tree } = parseMdx(readFileSync(resolve(contentRoot, file), "utf8"));
    const data = (parseYaml(frontmatterText) ?? {}) as { sources?: Array<{ id: string }> };
    return {
      file: `content/${file}`,
      collection: file.startsWith("guides/") ? "guides" : "articles",
      tree,
      sourceIds: (data.sources ?? []).map((source) => source.id),
    };
  });
const guides = pages.filter((page) => page.collection === "guides");

/** The `id` of every `<Cite>` in the body, in order, read from the MDX syntax tree. */
function citedIds(tree: Root): string[] {
  const ids: string[] = [];
  const walk = (node: Root | RootContent): void => {
    if ((node.type === "mdxJsxTextElement" || node.type === "mdxJsxFlowElement") && node.name === "Cite") {
      const id = node.attributes.find((attribute) => attribute.type === "mdxJsxAttribute" && attribute.name === "id");
      const value = id?.value;
      if (typeof value === "string") ids.push(value);
      else if (value && typeof value === "object") ids.push(value.value.replace(/^\s*["'`](.*)["'`]\s*$/, "$1"));
      else ids.push("(no id)");
    }
    if ("children" in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return ids;
}

test("content/ has the article and the guides to check", () => {
  expect(pages.some((page) => page.collection === "articles")).toBe(true);
  expect(guides.length).toBeGreaterThanOrEqual(3);
});

describe(`reading grade (Flesch-Kincaid) is at most ${GRADE_LIMIT}`, () => {
  test.each(pages.map((page) => [page.file, page] as const))("%s", (file, page) => {
    const stats = readingStats(proseBlocks(page.tree));
    expect(stats.words, `${file} has no prose to grade`).toBeGreaterThan(100);
    expect(
      stats.grade,
      `${file} reads at grade ${stats.grade.toFixed(1)} (limit ${GRADE_LIMIT}): use shorter sentences and everyday words`,
    ).toBeLessThanOrEqual(GRADE_LIMIT);
  });
});

describe("citations", () => {
  test.each(guides.map((page) => [page.file, page] as const))(
    `%s cites at least ${MIN_GUIDE_SOURCES_CITED} distinct sources with <Cite>`,
    (file, page) => {
      const distinct = [...new Set(citedIds(page.tree))];
      expect(
        distinct.length,
        `${file} cites only ${distinct.length} source(s): ${distinct.join(", ") || "none"}`,
      ).toBeGreaterThanOrEqual(MIN_GUIDE_SOURCES_CITED);
    },
  );

  test.each(pages.map((page) => [page.file, page] as const))("%s cites every source it lists", (file, page) => {
    expect(page.sourceIds.length, `${file} lists no sources`).toBeGreaterThan(0);
    const cited = new Set(citedIds(page.tree));
    const uncited = page.sourceIds.filter((id) => !cited.has(id));
    expect(uncited, `${file} lists sources that no <Cite> uses: ${uncited.join(", ")}`).toEqual([]);
  });

  test.each(pages.map((page) => [page.file, page] as const))("%s cites only sources it lists", (file, page) => {
    const listed = new Set(page.sourceIds);
    const unknown = [...new Set(citedIds(page.tree))].filter((id) => !listed.has(id));
    expect(unknown, `${file} has <Cite> ids not in its sources: ${unknown.join(", ")}`).toEqual([]);
  });
});

const overlapTool = resolve(repoRoot, "../shared/tools/seed-overlap.mjs");
const hasOverlapTool = existsSync(overlapTool);

test.skipIf(!hasOverlapTool)(
  hasOverlapTool
    ? "no run of 8+ words is copied from the 2014 article (../shared/tools/seed-overlap.mjs)"
    : `SKIPPED: ${overlapTool} is not in this checkout (no ../shared next to the repo), so the copied-text check cannot run`,
  () => {
    let output: string;
    try {
      output = execFileSync(process.execPath, [overlapTool], { cwd: repoRoot, encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      const failed = error as { status?: number; stdout?: string; stderr?: string };
      throw new Error(
        `seed-overlap exited ${failed.status}; copied runs:\n${failed.stdout ?? ""}${failed.stderr ?? ""}`,
      );
    }
    expect(output).toContain("no copied runs found");
  },
);

describe("the home page's start-here path", () => {
  const published = new Set(pages.map((page) => page.file.replace(/^content\//, "").replace(/\.mdx?$/, "")));
  test.each([site.startHere.first, ...site.startHere.steps])("%s is a page in content/", (ref) => {
    expect(published.has(ref), `src/site.config.ts startHere names ${ref}, which is not in content/`).toBe(true);
  });
});

describe("trust features on every article and guide", () => {
  test.each(pages.map((page) => [page.file, page] as const))(
    "%s ends with a numbered Next steps list",
    (file, page) => {
      const last = [...page.tree.children].reverse().find((node) => node.type !== "yaml");
      expect(last && "name" in last ? last.name : last?.type, `${file} should end with <NextSteps>`).toBe("NextSteps");
    },
  );
});
