/**
 * The change summary in each pull request: pages added, changed and removed between two content
 * folders (tests/fixtures/change-summary/before and after), with preview links, reading grade and
 * words before and after, new warnings and sources added or removed.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { compareContent, readPages, summaryMarkdown, type ChangeSummary } from "../../src/lib/change-summary";
import { proseBlocks, readingStats } from "../../src/lib/readability";
import { parseMdx } from "../../src/lib/content";
import type { Problem } from "../../src/lib/validate/index";

const BEFORE = "tests/fixtures/change-summary/before";
const AFTER = "tests/fixtures/change-summary/after";
const NOW = new Date("2026-11-24T12:00:00Z");
const PREVIEW = "https://owner.github.io/repo/pr-preview/pr-12/";

/**
 * A stand-in content check, so these tests do not depend on which warnings the real one gives:
 * one warning that both versions share, one that only the new version of a page has, and an
 * error in the new version.
 */
function fakeCheck(contentDir: string): Problem[] {
  const file = `${contentDir}/articles/second-opinion.mdx`;
  const problems: Problem[] = [
    { file, line: 20, field: "sentence", message: "an old long sentence", fix: "split it", severity: "warning" },
  ];
  if (contentDir.endsWith("after")) {
    problems[0]!.line = 24; // moved down: still the same warning
    problems.push({
      file,
      line: 27,
      field: '"pathology"',
      message: "looks like a medical word",
      fix: "explain it\n  or add a glossary entry",
      severity: "warning",
    });
    problems.push({
      file: `${contentDir}/guides/new-checklist.mdx`,
      line: 2,
      field: "title",
      message: "too long",
      fix: "shorten it",
    });
  }
  return problems;
}

const compare = (): ChangeSummary => compareContent(BEFORE, AFTER, { now: NOW, check: fakeCheck });

describe("compareContent", () => {
  const summary = compare();
  const byFile = new Map(summary.pages.map((page) => [page.file, page]));

  test("lists added, changed and removed pages, and leaves out the unchanged one", () => {
    expect(summary.pages.map((page) => [page.file, page.kind])).toEqual([
      ["articles/draft-page.mdx", "added"],
      ["articles/second-opinion.mdx", "changed"],
      ["guides/new-checklist.mdx", "added"],
      ["guides/old-checklist.mdx", "removed"],
    ]);
  });

  test("reading grade and words come from src/lib/readability.ts, before and after", () => {
    const changed = byFile.get("articles/second-opinion.mdx")!;
    const stats = (path: string) => readingStats(proseBlocks(parseMdx(readFileSync(path, "utf8")).tree));
    expect(changed.before).toMatchObject({
      grade: stats(`${BEFORE}/articles/second-opinion.mdx`).grade,
      words: stats(`${BEFORE}/articles/second-opinion.mdx`).words,
    });
    expect(changed.after).toMatchObject({
      grade: stats(`${AFTER}/articles/second-opinion.mdx`).grade,
      words: stats(`${AFTER}/articles/second-opinion.mdx`).words,
    });
    expect(changed.after!.words!).toBeGreaterThan(changed.before!.words!);
  });

  test("new warnings are only those the old version did not have, wherever lines moved", () => {
    const changed = byFile.get("articles/second-opinion.mdx")!;
    expect(changed.newWarnings.map((problem) => problem.field)).toEqual(['"pathology"']);
    expect(byFile.get("guides/new-checklist.mdx")!.newWarnings).toEqual([]); // an error is not a warning
    expect(summary.errors).toBe(1);
  });

  test("sources added and removed are compared by address; a new page's sources are all new", () => {
    const changed = byFile.get("articles/second-opinion.mdx")!;
    expect(changed.addedSources.map((source) => source.url)).toEqual([
      "https://www.cancer.net/navigating-cancer-care/second-opinion",
    ]);
    expect(changed.removedSources.map((source) => source.url)).toEqual(["https://www.cancer.org/second-opinion"]);
    expect(byFile.get("guides/new-checklist.mdx")!.addedSources).toHaveLength(3);
    expect(byFile.get("guides/old-checklist.mdx")).toMatchObject({ addedSources: [], removedSources: [] });
  });

  test("other content files are listed by what happened to them", () => {
    expect(summary.otherFiles).toEqual([{ file: "glossary/pathologist.yaml", kind: "changed" }]);
  });

  test("a page's address follows its file name; drafts are marked", () => {
    const pages = readPages(AFTER, NOW);
    expect(pages.get("guides/new-checklist.mdx")).toMatchObject({
      path: "/guides/new-checklist/",
      title: "Your records: a new checklist",
      unpublished: false,
    });
    expect(pages.get("articles/draft-page.mdx")?.unpublished).toBe("draft");
  });

  test("a translation is a page of its own, at its Spanish address, with words but no English grade", () => {
    const dir = mkdtempSync(join(tmpdir(), "summary-es-"));
    cpSync(AFTER, dir, { recursive: true });
    mkdirSync(join(dir, "es/guides"), { recursive: true });
    writeFileSync(
      join(dir, "es/guides/new-checklist.mdx"),
      readFileSync(join(AFTER, "guides/new-checklist.mdx"), "utf8").replace(
        /^title: .*$/m,
        'title: "Sus expedientes: una lista nueva"',
      ),
    );
    const page = readPages(dir, NOW).get("es/guides/new-checklist.mdx");
    rmSync(dir, { recursive: true, force: true });
    expect(page).toMatchObject({
      path: "/es/guides/new-checklist/",
      title: "Sus expedientes: una lista nueva",
      collection: "guides",
    });
    expect(page?.grade).toBeUndefined();
    expect(page?.words).toBeGreaterThan(0);
  });
});

describe("summaryMarkdown", () => {
  const markdown = summaryMarkdown(compare(), { previewBase: PREVIEW });

  test("links the preview and each published page in it", () => {
    expect(markdown).toContain(`**Preview:** ${PREVIEW}`);
    expect(markdown).toContain(`[Asking for a second opinion](${PREVIEW}articles/second-opinion/)`);
    expect(markdown).toContain(`[Your records: a new checklist](${PREVIEW}guides/new-checklist/)`);
  });

  test("a table row per page with grade and words before → after", () => {
    const row = markdown.split("\n").find((line) => line.includes("content/articles/second-opinion.mdx"))!;
    expect(row).toMatch(/\| changed \| -?\d+\.\d → -?\d+\.\d \| \d+ → \d+ \|$/);
    const removed = markdown.split("\n").find((line) => line.includes("content/guides/old-checklist.mdx"))!;
    expect(removed).toMatch(
      /^\| An old checklist<br>`content\/guides\/old-checklist.mdx` \| removed \| -?\d+\.\d → – \| \d+ → – \|$/,
    );
    const draft = markdown.split("\n").find((line) => line.includes("draft-page.mdx"))!;
    expect(draft).toContain("(draft: not in the preview)");
    expect(draft).not.toContain("](");
  });

  test("new warnings with their fix on one line, and sources added and removed", () => {
    expect(markdown).toContain(
      '- New warning (line 27): "pathology": looks like a medical word. Fix: explain it or add a glossary entry',
    );
    expect(markdown).toContain(
      "- Source added: [Seeking a Second Opinion](https://www.cancer.net/navigating-cancer-care/second-opinion) (Cancer.Net)",
    );
    expect(markdown).toContain(
      "- Source removed: [Seeking a second opinion](https://www.cancer.org/second-opinion) (American Cancer Society)",
    );
    expect(markdown).toContain("**The content check finds 1 problem.**");
    expect(markdown).toContain("Other content files: `content/glossary/pathologist.yaml` (changed).");
  });

  test("a pull request from a fork gets no links, and the summary says why", () => {
    const fork = summaryMarkdown(compare(), { previewBase: PREVIEW, fork: true });
    expect(fork).toContain("**No preview for this pull request.** It comes from a fork");
    expect(fork).not.toContain(PREVIEW);
  });

  test("titles cannot inject Markdown into the table", () => {
    const summary = compare();
    summary.pages[1]!.after!.title = "Costs | [click](https://evil.example) <b>";
    const text = summaryMarkdown(summary, { previewBase: PREVIEW });
    // Inside the link text, escaped: "\\|" keeps the table's columns, "\\[" makes no link, "\\<" no HTML.
    expect(text).toContain(`[Costs \\| \\[click\\](https://evil.example) \\<b\\>](${PREVIEW}articles/second-opinion/)`);
  });

  test("no page changed", () => {
    expect(summaryMarkdown({ pages: [], otherFiles: [], errors: 0 })).toContain(
      "No article or guide is added, changed or removed.",
    );
  });
});

describe("npm run change-summary", () => {
  test("prints the summary of the fixture folders with the real content check", () => {
    const result = spawnSync(
      process.execPath,
      ["scripts/change-summary.ts", "--base", BEFORE, "--head", AFTER, "--preview-base", PREVIEW],
      { encoding: "utf8" },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^## What this pull request changes/);
    expect(result.stdout).toContain(`[Asking for a second opinion](${PREVIEW}articles/second-opinion/)`);
    expect(result.stdout).toContain("| removed |");
  });

  test("asks for --base", () => {
    expect(spawnSync(process.execPath, ["scripts/change-summary.ts"], { encoding: "utf8" }).status).toBe(2);
  });
});
