/**
 * `npm run new`, the translation form: `npm run new -- guide "Título" --lang es --from <id>`
 * writes content/es/guides/<id>.mdx from the original (src/lib/scaffold.ts renderTranslation).
 * The skeleton's TODO placeholders must fail the content check, and nothing else may: once each
 * placeholder is replaced, the page passes.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { parse as parseYaml } from "yaml";
import { PLACEHOLDER, renderPost, renderTranslation } from "../../src/lib/scaffold";
import { isError, validateContent } from "../../src/lib/validate/index";
import { parseMdx } from "../../src/lib/content";

const NOW = new Date("2026-11-24T12:00:00Z");
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function fixtureSite(): string {
  const dir = mkdtempSync(join(tmpdir(), "scaffold-"));
  made.push(dir);
  cpSync("tests/fixtures/content", dir, { recursive: true });
  for (const collection of ["articles", "guides"]) mkdirSync(join(dir, "es", collection), { recursive: true });
  return dir;
}

const translationOf = (
  dir: string,
  collection: "articles" | "guides",
  id: string,
  title = "Una guía de prueba traducida",
) =>
  renderTranslation({
    kind: collection === "guides" ? "guide" : "article",
    title,
    date: "2026-11-24",
    original: `${collection}/${id}`,
    originalFile: `content/${collection}/${id}.mdx`,
    originalText: readFileSync(join(dir, collection, `${id}.mdx`), "utf8"),
    draft: false,
  });

describe("renderTranslation", () => {
  test("keeps the original's author, topics and source ids, names the original and today, leaves keywords to the translator", () => {
    const dir = fixtureSite();
    const text = translationOf(dir, "guides", "good-guide");
    const data = parseYaml(parseMdx(text).frontmatterText) as Record<string, unknown>;
    const original = parseYaml(
      parseMdx(readFileSync(join(dir, "guides/good-guide.mdx"), "utf8")).frontmatterText,
    ) as Record<string, unknown>;
    expect(data).toMatchObject({
      title: "Una guía de prueba traducida",
      translationOf: "guides/good-guide",
      translated: "2026-11-24",
      published: "2026-11-24",
      author: original.author,
      topics: original.topics,
      keywords: [],
    });
    const sources = data.sources as Array<{ id: string; url: string; language?: string }>;
    expect(sources.map((source) => source.id)).toEqual(
      (original.sources as Array<{ id: string }>).map((source) => source.id),
    );
    expect(sources.every((source) => source.language === "en")).toBe(true);
    expect(String(data.description)).toContain(PLACEHOLDER);
  });

  test("drops what is true only of the English page: review, changes, hero image, old addresses", () => {
    const dir = fixtureSite();
    const path = join(dir, "articles/good-article.mdx");
    writeFileSync(
      path,
      readFileSync(path, "utf8").replace(
        "author: editorial-team",
        "author: editorial-team\nlegacyPaths: [/blog/old/]\nusOnly: true",
      ),
    );
    const data = parseYaml(parseMdx(translationOf(dir, "articles", "good-article")).frontmatterText) as Record<
      string,
      unknown
    >;
    for (const field of ["updated", "changes", "hero", "reviewed", "reviewedBy", "legacyPaths"])
      expect(data, field).not.toHaveProperty(field);
    expect(data.usOnly).toBe(true);
    expect(data.nextReview).toBeDefined();
  });

  test("the skeleton has the original's headings as placeholders; the content check fails on each placeholder and on nothing else", () => {
    const dir = fixtureSite();
    const text = translationOf(dir, "articles", "good-article");
    expect(text).toMatch(/^## TODO: First section$/m);
    expect(text).toMatch(/^## TODO: Second section$/m);
    writeFileSync(join(dir, "es/articles/good-article.mdx"), text, { flag: "w" });
    const problems = validateContent({ contentDir: dir, now: NOW });
    expect(problems.length).toBeGreaterThan(3);
    expect(
      problems.every((problem) => isError(problem) && problem.file.endsWith("es/articles/good-article.mdx")),
      JSON.stringify(problems, null, 1),
    ).toBe(true);
    expect(new Set(problems.map((problem) => problem.field))).toEqual(new Set(["TODO", "description"]));
  });

  test("once every placeholder is translated, the page passes", () => {
    const dir = fixtureSite();
    const text = translationOf(dir, "guides", "good-guide")
      .replace(
        /description: ".*"/,
        'description: "Una guía de prueba con tres fuentes y una lista, para comprobar la revisión del contenido."',
      )
      .replace(/^(#+) TODO: .*$/gm, "$1 Qué llevar")
      .split("\n")
      .map((line) => (line.startsWith("{/*") ? line : line.replace(/TODO: .*?(?=<Cite id=|$)/, "Lleve sus registros.")))
      .join("\n");
    writeFileSync(join(dir, "es/guides/good-guide.mdx"), text, { flag: "w" });
    expect(
      validateContent({ contentDir: dir, now: NOW }).map((problem) => `${problem.field}: ${problem.message}`),
    ).toEqual([]);
  });
});

describe("the English scaffold", () => {
  test("has no TODO placeholder: it passes the content check as it is", () => {
    expect(
      renderPost({
        kind: "guide",
        title: "A new guide",
        date: "2026-11-24",
        author: "editorial-team",
        topics: ["insurance"],
        draft: false,
      }),
    ).not.toContain(PLACEHOLDER);
  });
});

describe("npm run new -- guide ... --lang es --from <id>", () => {
  const run = (dir: string, ...args: string[]) =>
    spawnSync(process.execPath, ["scripts/new.ts", ...args], {
      encoding: "utf8",
      env: { ...process.env, CONTENT_DIR: dir },
    });

  test("writes content/es/guides/<id>.mdx, then refuses to overwrite it", () => {
    const dir = fixtureSite();
    const first = run(dir, "guide", "Una guía traducida", "--lang", "es", "--from", "good-guide");
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain("es/guides/good-guide.mdx");
    const file = join(dir, "es/guides/good-guide.mdx");
    expect(readFileSync(file, "utf8")).toContain("translationOf: guides/good-guide");
    const second = run(dir, "guide", "Otra vez", "--lang", "es", "--from", "guides/good-guide");
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/already exists/);
  });

  test("refuses when the original does not exist, naming the ones that do", () => {
    const dir = fixtureSite();
    const result = run(dir, "guide", "Una guía", "--lang", "es", "--from", "no-such-guide");
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/There is no .*guides\/no-such-guide\.mdx to translate\. The guides: good-guide/);
    expect(existsSync(join(dir, "es/guides/no-such-guide.mdx"))).toBe(false);
  });

  test("refuses when another Spanish file already translates the original", () => {
    const dir = fixtureSite();
    expect(run(dir, "guide", "Una guía", "--lang", "es", "--from", "good-guide").status).toBe(0);
    cpSync(join(dir, "es/guides/good-guide.mdx"), join(dir, "es/guides/otra-guia.mdx"));
    rmSync(join(dir, "es/guides/good-guide.mdx"));
    const result = run(dir, "guide", "Una guía", "--lang", "es", "--from", "good-guide");
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/otra-guia\.mdx already translates guides\/good-guide/);
  });

  test("refuses a language the site does not have", () => {
    const result = run(fixtureSite(), "guide", "Un guide", "--lang", "fr", "--from", "good-guide");
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/needs --lang es/);
  });
});
