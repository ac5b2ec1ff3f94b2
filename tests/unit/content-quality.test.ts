/**
 * The real content against the editorial rules. The rules live in the content check
 * (src/lib/validate/), which the build runs and the fixture tests test one by one
 * (content-fixtures.test.ts); here every article and guide, in both languages, is held to each
 * rule by name: reading level, citations, the Next steps list. Plus what the content check cannot
 * see: no sentence is copied from the 2014 article the site replaces.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { findContentFiles, postFiles, readMdx } from "../../src/lib/content/index.ts";
import { proseBlocks, readingStats } from "../../src/lib/readability.ts";
import { formatReport, inspectContent, isError, type Problem } from "../../src/lib/validate/index.ts";
import { site } from "../../src/site.config.ts";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const contentRoot = resolve(repoRoot, "content");

const pages = postFiles(findContentFiles(contentRoot)).map((file) => ({
  ...file,
  /** e.g. "content/guides/insurance.mdx", as the content check names it. */
  file: relative(repoRoot, file.absolute),
}));
const guides = pages.filter((page) => page.kind === "guides");
const { problems } = inspectContent({ contentDir: contentRoot, root: repoRoot });

/** The content check's errors for one file whose field matches. */
const errors = (file: string, field: RegExp): Problem[] =>
  problems.filter((problem) => isError(problem) && problem.file === file && field.test(problem.field ?? ""));
const explain = (found: Problem[]) => formatReport(found);

test("content/ has the article and the guides to check, in both languages", () => {
  expect(pages.some((page) => page.kind === "articles")).toBe(true);
  expect(guides.filter((page) => page.locale === "en").length).toBeGreaterThanOrEqual(3);
  expect(pages.some((page) => page.locale === "es")).toBe(true);
});

test("the content check finds no errors in content/", () => {
  const found = problems.filter(isError);
  expect(found, explain(found)).toEqual([]);
});

describe("reading level: English grade at most 10, Spanish INFLESZ at least 55", () => {
  test.each(pages.map((page) => [page.file, page] as const))("%s", (file, page) => {
    const { words } = readingStats(proseBlocks(readMdx(page.absolute).tree));
    expect(words, `${file} has no prose to grade`).toBeGreaterThan(100);
    const found = errors(file, /^reading (grade|ease)$/);
    expect(found, explain(found)).toEqual([]);
  });
});

describe("citations", () => {
  test.each(guides.map((page) => [page.file, page] as const))(
    "%s lists at least 3 sources, each cited with <Cite>",
    (file) => {
      const found = errors(file, /^sources/);
      expect(found, explain(found)).toEqual([]);
    },
  );

  test.each(pages.map((page) => [page.file, page] as const))("%s cites every source it lists", (file) => {
    const found = errors(file, /^sources\[\d+\]$/);
    expect(found, explain(found)).toEqual([]);
  });

  test.each(pages.map((page) => [page.file, page] as const))("%s cites only sources it lists", (file) => {
    const found = errors(file, /^<Cite/);
    expect(found, explain(found)).toEqual([]);
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
  const published = new Set(pages.filter((page) => page.locale === "en").map((page) => `${page.kind}/${page.id}`));
  test.each([site.startHere.first, ...site.startHere.steps])("%s is a page in content/", (ref) => {
    expect(published.has(ref), `src/site.config.ts startHere names ${ref}, which is not in content/`).toBe(true);
  });
});

describe("trust features on every article and guide", () => {
  test.each(pages.map((page) => [page.file, page] as const))("%s ends with a numbered Next steps list", (file) => {
    const found = errors(file, /^<NextSteps>$/);
    expect(found, explain(found)).toEqual([]);
    expect(
      problems.some((problem) => problem.file === file && problem.field === "<NextSteps>"),
      `${file} has no Next steps list`,
    ).toBe(false);
  });
});
