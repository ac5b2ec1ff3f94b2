/**
 * `npm run validate -- --format github`: each problem becomes one GitHub workflow command, so the
 * message shows on its line in the pull request. A message or path that is not escaped by
 * GitHub's rules is cut short or spills into the log, so the escaping is tested piece by piece.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { escapeData, escapeProperty, githubAnnotation, githubAnnotations } from "../../src/lib/validate/github";
import type { Problem } from "../../src/lib/validate/index";

describe("escaping (GitHub's workflow-command rules)", () => {
  test("messages: %, CR and LF are percent-encoded; : and , stay", () => {
    expect(escapeData("100% sure")).toBe("100%25 sure");
    expect(escapeData("line one\r\nline two\nthree")).toBe("line one%0D%0Aline two%0Athree");
    expect(escapeData("title: a, b")).toBe("title: a, b");
    // % first, so an escape already in the text is not decoded by GitHub into something else.
    expect(escapeData("%0A")).toBe("%250A");
  });

  test("properties: also : and , (they would end the value)", () => {
    expect(escapeProperty("content/a,b.mdx")).toBe("content/a%2Cb.mdx");
    expect(escapeProperty("C:\\site\\x.mdx")).toBe("C%3A\\site\\x.mdx");
    expect(escapeProperty("50%\r\n")).toBe("50%25%0D%0A");
    expect(escapeProperty("Content check: sources[0].url")).toBe("Content check%3A sources[0].url");
  });
});

describe("annotations", () => {
  const problem: Problem = {
    file: "content/guides/insurance.mdx",
    line: 12,
    field: "sources[2].url",
    message: "is not a full https:// address",
    fix: "write the whole address, e.g. https://www.cancer.gov/...",
  };

  test("an error names the file, line and field, and the message ends with the fix", () => {
    expect(githubAnnotation(problem)).toBe(
      "::error file=content/guides/insurance.mdx,line=12,title=Content check%3A sources[2].url::sources[2].url: is not a full https:// address%0AFix: write the whole address, e.g. https://www.cancer.gov/...",
    );
  });

  test("a warning is ::warning; a problem without a line has no line property", () => {
    const line = githubAnnotation({
      file: "content/guides/iort.mdx",
      field: "<NextSteps>",
      message: "the page has no Next steps list",
      fix: "add one",
      severity: "warning",
    });
    expect(line).toBe(
      "::warning file=content/guides/iort.mdx,title=Content check%3A <NextSteps>::<NextSteps>: the page has no Next steps list%0AFix: add one",
    );
  });

  test("awkward paths and messages stay on one line and inside their property", () => {
    const line = githubAnnotation({
      file: "content/articles/100%, sure: yes.mdx",
      line: 3,
      field: "title, again: 50%",
      message: "has\r\na line break, a colon: and 10%",
      fix: "sources:\n  - id: one",
    });
    expect(line).not.toMatch(/[\r\n]/);
    expect(line).toBe(
      "::error file=content/articles/100%25%2C sure%3A yes.mdx,line=3,title=Content check%3A title%2C again%3A 50%25" +
        "::title, again: 50%25: has%0D%0Aa line break, a colon: and 10%25%0AFix: sources:%0A  - id: one",
    );
    // Exactly two separators: `::error ` at the start and `::` before the message.
    expect(line.split("::")).toHaveLength(3);
    const properties = line.slice("::error ".length, line.lastIndexOf("::")).split(",");
    expect(properties.map((property) => property.split("=")[0])).toEqual(["file", "line", "title"]);
  });

  test("errors come first, then warnings, each in file and line order", () => {
    const make = (file: string, line: number, severity?: "warning"): Problem => ({
      file,
      line,
      field: "f",
      message: "m",
      fix: "x",
      ...(severity ? { severity } : {}),
    });
    const lines = githubAnnotations([
      make("b.mdx", 2, "warning"),
      make("b.mdx", 9),
      make("a.mdx", 5, "warning"),
      make("a.mdx", 7),
      make("a.mdx", 1),
    ]);
    expect(lines.map((line) => /^::(\w+) file=([^,]+),line=(\d+)/.exec(line)!.slice(1).join(" "))).toEqual([
      "error a.mdx 1",
      "error a.mdx 7",
      "error b.mdx 9",
      "warning a.mdx 5",
      "warning b.mdx 2",
    ]);
  });
});

describe("npm run validate -- --format github", () => {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  test("prints one annotation per problem on a bad fixture, exits 1, and fills the job summary", () => {
    const dir = mkdtempSync(join(tmpdir(), "annotations-"));
    made.push(dir);
    const content = join(dir, "content");
    cpSync("tests/fixtures/content", content, { recursive: true });
    cpSync("tests/fixtures/bad/missing-title", content, { recursive: true });
    const summary = join(dir, "summary.md");
    const result = spawnSync(process.execPath, ["scripts/validate.ts", "--format", "github", "--content", content], {
      encoding: "utf8",
      env: { ...process.env, GITHUB_STEP_SUMMARY: summary },
    });
    expect(result.status).toBe(1);
    const annotation = result.stdout.split("\n").find((line) => line.startsWith("::error "));
    expect(annotation).toMatch(
      /^::error file=[^,]*articles\/missing-title\.mdx,line=\d+,title=Content check%3A title::title: is missing.*%0AFix: /,
    );
    expect(readFileSync(summary, "utf8")).toContain("title: is missing");
  });

  test("the good fixture site has no error annotations and exits 0", () => {
    const result = spawnSync(
      process.execPath,
      ["scripts/validate.ts", "--format", "github", "--content", "tests/fixtures/content"],
      { encoding: "utf8" },
    );
    expect(result.stdout).not.toContain("::error");
    expect(result.status).toBe(0);
  });
});
