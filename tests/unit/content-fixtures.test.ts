/**
 * Every mistake an editor can make must be caught with a message naming the file, the field or
 * element, and a fix. Each case in tests/fixtures/bad/ is laid over the good fixture site in
 * tests/fixtures/content/ and checked with the same validator the build runs. Cases whose files
 * are under es/ are Spanish pages: the same checks, plus the translation rules. The good Spanish
 * edition of the fixture site is tests/fixtures/spanish/ (laid over the same way).
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { formatReport, inspectContent, isError, validateContent, type Problem } from "../../src/lib/validate/index";

const FIXTURES = "tests/fixtures";
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A content folder: the good fixture site with one bad case (or other folders) laid over it. */
function siteWith(badCase?: string, ...overlays: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "content-"));
  made.push(dir);
  cpSync(`${FIXTURES}/content`, dir, { recursive: true });
  for (const overlay of overlays) cpSync(`${FIXTURES}/${overlay}`, dir, { recursive: true });
  if (badCase) cpSync(`${FIXTURES}/bad/${badCase}`, dir, { recursive: true });
  return dir;
}

const check = (badCase?: string): Problem[] =>
  validateContent({ contentDir: siteWith(badCase), now: new Date("2026-11-24T12:00:00Z") });

interface Expectation {
  /** File the message must name (relative to the content folder). */
  file: string;
  /** The field or element the message must name. */
  field: string | RegExp;
  /** What the message must say. */
  message: RegExp;
  /** The exact line, where a case pins it (the translation rules). */
  line?: number;
  /** `warning` when the case must warn, not stop the build. */
  severity?: "warning";
  /** Other files that must get the same message (a clash reported on both sides). */
  also?: string[];
}

const cases: Record<string, Expectation> = {
  "missing-title": { file: "articles/missing-title.mdx", field: "title", message: /is missing/ },
  "title-too-long": {
    file: "articles/title-too-long.mdx",
    field: "title",
    message: /characters long; the limit is 70/,
  },
  "description-too-short": {
    file: "articles/description-too-short.mdx",
    field: "description",
    message: /needs at least 50/,
  },
  "date-wrong-format": {
    file: "articles/date-wrong-format.mdx",
    field: "published",
    message: /"March 1, 2025" is not a date in the form YYYY-MM-DD/,
  },
  "impossible-date": {
    file: "articles/impossible-date.mdx",
    field: "published",
    message: /"2025-02-30" is not a real calendar date \(that month has 28 days\)/,
  },
  "impossible-month": {
    file: "articles/impossible-month.mdx",
    field: "updated",
    message: /"2025-13-45" is not a real calendar date \(months run from 01 to 12\)/,
  },
  "updated-before-published": {
    file: "articles/updated-before-published.mdx",
    field: "updated",
    message: /cannot come before `published`/,
  },
  "unknown-topic": { file: "articles/unknown-topic.mdx", field: "topics[1]", message: /unknown topic "imaging"/ },
  "unknown-author": { file: "articles/unknown-author.mdx", field: "author", message: /unknown author "dr-nobody"/ },
  "unknown-field": {
    file: "articles/unknown-field.mdx",
    field: "frontmatter",
    message: /unknown field `nextReveiw` \(did you mean `nextReview`\?\)/,
  },
  "reviewed-without-reviewer": {
    file: "articles/reviewed-without-reviewer.mdx",
    field: "reviewedBy",
    message: /say who did the review/,
  },
  "source-not-https": {
    file: "articles/source-not-https.mdx",
    field: "sources[0].url",
    message: /not a full https:\/\/ address/,
  },
  "source-without-date": {
    file: "articles/source-without-date.mdx",
    field: "sources[0].year",
    message: /give `year`.*or `accessed`/,
  },
  "draft-not-boolean": { file: "articles/draft-not-boolean.mdx", field: "draft", message: /should be true or false/ },
  "yaml-syntax-error": { file: "articles/yaml-syntax-error.mdx", field: "frontmatter", message: /YAML cannot be read/ },
  "hero-without-alt": { file: "articles/hero-without-alt.mdx", field: "hero.alt", message: /is missing/ },
  "hero-missing-file": {
    file: "articles/hero-missing-file.mdx",
    field: "hero.src",
    message: /no image file at .*no-such-picture\.jpg/,
  },
  "legacy-path-taken": {
    file: "articles/legacy-path-taken.mdx",
    field: "legacyPaths[0]",
    message: /is the address of a page on this site/,
  },
  "broken-internal-link": {
    file: "articles/broken-internal-link.mdx",
    field: "link to /guides/no-such-guide/",
    message: /there is no page at \/guides\/no-such-guide\//,
  },
  "missing-heading-link": {
    file: "articles/missing-heading-link.mdx",
    field: /link to \/guides\/good-guide\/#what-to-pack/,
    message: /has no section #what-to-pack/,
  },
  "relative-link": {
    file: "articles/relative-link.mdx",
    field: "link to good-guide",
    message: /must start from the site root/,
  },
  "http-link": {
    file: "articles/http-link.mdx",
    field: "link to http://example.org/",
    message: /uses http:\/\/, which is not secure/,
  },
  "javascript-link": {
    file: "articles/javascript-link.mdx",
    field: /link to javascript:/,
    message: /javascript: links run code/,
  },
  "unknown-component": {
    file: "articles/unknown-component.mdx",
    field: "<Callot>",
    message: /no component called Callot \(did you mean <Callout>\?\)/,
  },
  "bad-prop": { file: "articles/bad-prop.mdx", field: "<Callout>", message: /got type="danger"/ },
  "unknown-prop": { file: "articles/unknown-prop.mdx", field: "<CallUs>", message: /no prop called `phone`/ },
  "bad-checklist-lines": {
    file: "articles/bad-checklist-lines.mdx",
    field: "<Checklist>",
    message: /got answerLines=12/,
  },
  "cite-unknown-source": {
    file: "articles/cite-unknown-source.mdx",
    field: '<Cite id="nci-tset">',
    message: /no entry with id "nci-tset" \(did you mean "nci-test"\?\)/,
  },
  "term-unknown": {
    file: "articles/term-unknown.mdx",
    field: '<Term id="oncologist">',
    message: /no glossary entry "oncologist"/,
  },
  "script-in-body": { file: "articles/script-in-body.mdx", field: "<script>", message: /not allowed in posts/ },
  "event-handler": { file: "articles/event-handler.mdx", field: "<a> onclick", message: /inline event handlers/ },
  "inline-style": {
    file: "articles/inline-style.mdx",
    field: "<p> style",
    message: /blocked by the site's security policy/,
  },
  "import-statement": {
    file: "articles/import-statement.mdx",
    field: "import/export",
    message: /cannot import or export/,
  },
  "code-expression": {
    file: "articles/code-expression.mdx",
    field: /^\{new Date/,
    message: /code in curly braces is not allowed/,
  },
  "h1-in-body": { file: "articles/h1-in-body.mdx", field: "# First section", message: /cannot have its own top-level/ },
  "skipped-heading-level": {
    file: "articles/skipped-heading-level.mdx",
    field: "#### Second section",
    message: /skips from level 2 to 4/,
  },
  "heading-clashes-with-layout": {
    file: "articles/heading-clashes-with-layout.mdx",
    field: "## Sources",
    message: /clashes with a part of the page/,
  },
  "image-without-alt": { file: "articles/image-without-alt.mdx", field: "![](./picture.png)", message: /no alt text/ },
  "two-key-facts": { file: "articles/two-key-facts.mdx", field: "<KeyFacts>", message: /2 KeyFacts boxes/ },
  "guide-too-few-sources": {
    file: "guides/guide-too-few-sources.mdx",
    field: "sources",
    message: /needs at least 3 sources \(every guide cites at least three\)/,
  },
  "checklist-id-clash": {
    file: "guides/checklist-id-clash.mdx",
    field: '<Checklist id="what-to-bring">',
    message: /already used by a heading/,
  },
  "unclosed-tag": { file: "articles/unclosed-tag.mdx", field: "MDX", message: /cannot be read as MDX/ },
  "not-mdx": { file: "articles/notes.txt", field: "file", message: /not an \.mdx post/ },
  "link-to-draft": {
    file: "articles/link-to-draft.mdx",
    field: "link to /guides/draft-guide/",
    message: /is a draft, so it will not be on the site/,
  },
  "link-to-scheduled": {
    file: "articles/link-to-scheduled.mdx",
    field: "link to /guides/future-guide/",
    message: /is scheduled for January 1, 2099/,
  },
  "duplicate-url": {
    file: "articles/Good Article.mdx",
    field: "file name",
    message: /would both be published at \/articles\/good-article\//,
  },
  "changes-missing": {
    file: "articles/changes-missing.mdx",
    field: "changes",
    message: /has an `updated` date but no `changes` entry/,
  },
  "updated-not-latest-change": {
    file: "articles/updated-not-latest-change.mdx",
    field: "updated",
    message: /must be the date of the newest entry in `changes` \(2025-05-10\)/,
  },
  "change-without-summary": {
    file: "articles/change-without-summary.mdx",
    field: "changes[0].summary",
    message: /is missing/,
  },
  "reviewer-without-credentials": {
    file: "articles/reviewer-without-credentials.mdx",
    field: "reviewedBy",
    message: /has no `credentials`/,
  },
  "source-not-cited": {
    file: "articles/source-not-cited.mdx",
    field: "sources[1]",
    message: /"nci-unused" is listed but never cited/,
  },
  "next-steps-not-numbered": {
    file: "articles/next-steps-not-numbered.mdx",
    field: "<NextSteps>",
    message: /has no numbered list/,
  },
  "next-steps-not-last": {
    file: "articles/next-steps-not-last.mdx",
    field: "<NextSteps>",
    message: /not the last part of the page/,
  },
  "glossary-bad-entry": { file: "glossary/bad-term.yaml", field: /definition|term|source/, message: /.+/ },

  // Spanish pages (content/es/): every check above applies, with the English authors and topics.
  "es-broken-link": {
    file: "es/articles/good-article.mdx",
    field: "link to /es/guides/no-such-guide/",
    message: /there is no page at \/es\/guides\/no-such-guide\//,
    line: 19,
  },
  "es-unknown-topic": {
    file: "es/articles/good-article.mdx",
    field: "topics[0]",
    message: /unknown topic "segundas-opiniones" \(did you mean "second-opinions"\?\)/,
    line: 8,
  },
  "es-term-not-translated": {
    file: "es/articles/good-article.mdx",
    field: '<Term id="pathologist">',
    message: /content\/es\/glossary\/ has no entry "pathologist", so the page shows the English definition/,
    line: 19,
    severity: "warning",
  },

  // Translation rules.
  "translation-missing-original": {
    file: "es/articles/missing-original.mdx",
    field: "translationOf",
    message: /^names articles\/no-such-article, but there is no content\/articles\/no-such-article\.mdx$/,
    line: 5,
  },
  "translation-claimed-twice": {
    file: "es/articles/otro-articulo.mdx",
    field: "translationOf",
    message: /and .*es\/articles\/good-article\.mdx both say they translate articles\/good-article/,
    line: 5,
    also: ["es/articles/good-article.mdx"],
  },
  "translation-unknown-source": {
    file: "es/articles/good-article.mdx",
    field: "sources[1].id",
    message: /the original, .*articles\/good-article\.mdx, has no source "nci-extra"/,
    line: 15,
  },
  "translation-without-date": {
    file: "es/articles/good-article.mdx",
    field: "translated",
    message: /is missing: a translation says the day/,
    line: 5,
  },
  "translated-without-original": {
    file: "es/articles/good-article.mdx",
    field: "translationOf",
    message: /is missing: the file has a `translated` date/,
    line: 5,
  },
  "translation-wrong-folder": {
    file: "es/guides/good-article.mdx",
    field: "translationOf",
    message: /names an article \(articles\/good-article\), but this file is in content\/es\/guides\//,
    line: 5,
  },
  "translation-renamed-entry": {
    file: "es/topics/segundas-opiniones.yaml",
    field: "translationOf",
    message: /the site finds a translated topic by its original's file name/,
    line: 3,
  },
  "placeholder-left": {
    file: "es/articles/good-article.mdx",
    field: "TODO",
    message: /^a placeholder is still on the page: "TODO: traduzca esta sección del original\."$/,
    line: 19,
  },
  "english-translation-fields": {
    file: "articles/english-translation-fields.mdx",
    field: "translationOf",
    message: /only a translation \(a file under content\/es\/\) says `translationOf`/,
    line: 5,
  },
  "english-source-language": {
    file: "articles/english-source-language.mdx",
    field: "sources[0].language",
    message: /`language: en` marks an English-only source on a translated page/,
    line: 20,
  },
  "translation-stale": {
    file: "es/articles/good-article.mdx",
    field: "translated",
    message:
      /^the English original changed on 2025-04-01 \(after `translated`: 2025-03-20\); update the translation and its `translated` date$/,
    line: 6,
    severity: "warning",
  },
};

describe("the good fixture site", () => {
  test("passes the content check", () => {
    expect(check().map((problem) => `${problem.field}: ${problem.message}`)).toEqual([]);
  });
});

describe("each mistake is caught, naming file, field and fix", () => {
  test("every fixture folder has an expectation, and every expectation a folder", () => {
    expect(readdirSync(`${FIXTURES}/bad`).sort()).toEqual(Object.keys(cases).sort());
  });

  for (const [name, expected] of Object.entries(cases)) {
    test(name, () => {
      const problems = check(name);
      const inFile = problems.filter((problem) => problem.file.endsWith(expected.file));
      const fields = inFile.map((problem) => `${problem.field} | ${problem.message}`);
      const match = inFile.find(
        (problem) =>
          (typeof expected.field === "string"
            ? problem.field === expected.field
            : expected.field.test(problem.field)) && expected.message.test(problem.message),
      );
      expect(match, `no matching problem for ${expected.file}; got:\n${fields.join("\n") || "(none)"}`).toBeDefined();
      expect(match!.fix.length).toBeGreaterThan(10);
      if (expected.line !== undefined)
        expect(match!.line, "the message points at the field's line").toBe(expected.line);
      expect(match!.severity, expected.severity ? "a warning, not an error" : "an error").toBe(expected.severity);
      for (const other of expected.also ?? []) {
        const theirs = problems.find((problem) => problem.file.endsWith(other) && problem.field === match!.field);
        expect(theirs?.message, `${other} is reported too, naming ${expected.file}`).toContain(expected.file);
      }
      if (name === "missing-heading-link") expect(match!.fix).toContain("#what-to-bring");
      if (!["duplicate-url", "not-mdx", "glossary-bad-entry", "two-key-facts"].includes(name)) {
        expect(match!.line, "the message points at a line").toBeGreaterThan(0);
      }
      // One mistake, one message: no knock-on reports about other files.
      const elsewhere = problems.filter(
        (problem) =>
          ![expected.file, ...(expected.also ?? [])].some((file) => problem.file.endsWith(file)) &&
          !(name === "duplicate-url" || name.startsWith("link-to")),
      );
      expect(elsewhere.map((problem) => `${problem.file}: ${problem.message}`)).toEqual([]);
    });
  }
});

describe("the report editors read", () => {
  test("names file and line, field, message and fix", () => {
    const report = formatReport(check("impossible-date"));
    expect(report).toMatch(/^The content check found 1 problem\. No page was built\./);
    expect(report).toMatch(
      /articles\/impossible-date\.mdx:4\n {2}published: "2025-02-30" is not a real calendar date \(that month has 28 days\)\n {2}Fix: /,
    );
  });
});

describe("warnings: shown to editors, never stopping the build", () => {
  const warningsFor = (file: string, body: string) => {
    const dir = siteWith();
    const good = readFileSync(join(dir, "articles/good-article.mdx"), "utf8");
    writeFileSync(join(dir, file), good.replace("## Second section", `${body}\n\n## Second section`));
    return validateContent({ contentDir: dir, now: new Date("2026-11-24T12:00:00Z") });
  };

  test("the good fixture site has no warnings either", () => {
    expect(check().filter((problem) => !isError(problem))).toEqual([]);
  });

  test("a sentence over 25 words is a warning naming its length", () => {
    const sentence = Array.from({ length: 30 }, (_, index) => `word${index}`).join(" ");
    const problems = warningsFor("articles/good-article.mdx", `${sentence}.`);
    const warning = problems.find((problem) => problem.field === "sentence");
    expect(warning?.severity).toBe("warning");
    expect(warning?.message).toMatch(/has 30 words \(aim for 25 or fewer\)/);
    expect(problems.filter(isError)).toEqual([]);
  });

  test("a medical word with no glossary entry and no explanation is a warning; explained or in the glossary, it is not", () => {
    const problems = warningsFor(
      "articles/good-article.mdx",
      "The team may suggest a lobectomy soon.\n\nA mastectomy means surgery to remove the breast.\n\nAsk what your pathologist found.\n\n" +
        // The explanation counts only in the word's own sentence.
        "You may need a colonoscopy. That is a look inside the bowel. Rest first. A cystoscopy, which is a look inside the bladder, comes next.",
    );
    const medical = problems
      .filter((problem) => problem.message.includes("medical word"))
      .map((problem) => problem.field);
    expect(medical).toEqual(['"lobectomy"', '"colonoscopy"']);
    expect(problems.find((problem) => problem.field === '"lobectomy"')?.line).toBeGreaterThan(0);
  });

  test("a page without <NextSteps> gets a warning, not an error", () => {
    const dir = siteWith();
    const path = join(dir, "articles/good-article.mdx");
    writeFileSync(path, readFileSync(path, "utf8").replace(/<NextSteps>[\s\S]*<\/NextSteps>/, ""));
    const problems = validateContent({ contentDir: dir, now: new Date("2026-11-24T12:00:00Z") });
    expect(problems.map((problem) => `${problem.severity}: ${problem.field}`)).toEqual(["warning: <NextSteps>"]);
  });

  test("the report lists warnings after errors and says they do not stop the build", () => {
    const report = formatReport([
      { file: "a.mdx", field: "sentence", message: "has 30 words", fix: "split it", severity: "warning" },
      { file: "a.mdx", line: 3, field: "title", message: "is missing", fix: "add it" },
    ]);
    expect(report).toMatch(/^The content check found 1 problem\./);
    expect(report).toMatch(
      /1 warning \(these do not stop the build, but please look\):\n\na\.mdx\n {2}sentence: has 30 words/,
    );
  });
});

describe("the Spanish edition (content/es/)", () => {
  const NOW = new Date("2026-11-24T12:00:00Z");
  const spanishSite = () => siteWith(undefined, "spanish");

  test("a valid translation of every kind of entry produces no problems, not even warnings", () => {
    const problems = validateContent({ contentDir: spanishSite(), now: NOW });
    expect(problems.map((problem) => `${problem.file}: ${problem.field}: ${problem.message}`)).toEqual([]);
  });

  test("the published list says each post's language", () => {
    const { published } = inspectContent({ contentDir: spanishSite(), now: NOW });
    expect(published.map(({ locale, collection, id }) => `${locale} ${collection}/${id}`).sort()).toEqual([
      "en articles/good-article",
      "en guides/good-guide",
      "es articles/good-article",
      "es guides/good-guide",
    ]);
  });

  test("a Spanish page with no translationOf (a Spanish-only page) is allowed", () => {
    const dir = spanishSite();
    const page = readFileSync(join(dir, "es/articles/good-article.mdx"), "utf8").replace(
      /^translationOf: .*\n^translated: .*\n/m,
      "",
    );
    writeFileSync(join(dir, "es/articles/solo-en-espanol.mdx"), page);
    expect(validateContent({ contentDir: dir, now: NOW })).toEqual([]);
  });

  test("an original updated on the day of `translated` is not newer: no warning", () => {
    const dir = spanishSite();
    const path = join(dir, "es/articles/good-article.mdx");
    writeFileSync(path, readFileSync(path, "utf8").replace("translated: 2025-04-02", "translated: 2025-04-01"));
    expect(validateContent({ contentDir: dir, now: NOW })).toEqual([]);
  });

  test("each language is held to its own reading formula (English grade, Spanish INFLESZ); the English medical-word heuristics do not apply to Spanish; the 25-word limit does", () => {
    const dir = spanishSite();
    const hard =
      "Los otorrinolaringólogos electroencefalográficos anticonstitucionalmente interdisciplinarios recomendaron radioterapia intraoperatoria complementaria.";
    const long = `${Array.from({ length: 28 }, () => "palabra").join(" ")} final.`;
    for (const file of ["articles/good-article.mdx", "es/articles/good-article.mdx"]) {
      const path = join(dir, file);
      writeFileSync(
        path,
        readFileSync(path, "utf8")
          .replace("## Second", `${Array(6).fill(hard).join(" ")}\n\n## Second`)
          .replace("## Segunda", `${Array(6).fill(hard).join(" ")}\n\n${long}\n\n## Segunda`),
      );
    }
    const problems = validateContent({ contentDir: dir, now: NOW });
    const spanish = problems.filter((problem) => problem.file.includes("/es/"));
    const english = problems.filter((problem) => !problem.file.includes("/es/"));
    expect(english.map((problem) => problem.field)).toContain("reading grade");
    expect(
      spanish.map((problem) => `${problem.severity ?? "error"}: ${problem.field}: ${problem.message.slice(0, 12)}`),
    ).toEqual(["error: reading ease: the page sco", "warning: sentence: has 29 words"]);
  });

  test("`language: en` on an English glossary entry's source is an error too", () => {
    const dir = siteWith();
    const path = join(dir, "glossary/pathologist.yaml");
    writeFileSync(path, `${readFileSync(path, "utf8").trimEnd()}\n  language: en\n`);
    const problems = validateContent({ contentDir: dir, now: NOW });
    expect(
      problems.map((problem) => `${problem.file.replace(/^.*content-[^/]+\//, "")}:${problem.line} ${problem.field}`),
    ).toEqual(["glossary/pathologist.yaml:8 source.language"]);
  });

  test("in a data file, a YAML mistake, a field of the wrong kind and a text too long name their line in plain words", () => {
    const dir = siteWith();
    const glossary = join(dir, "glossary/pathologist.yaml");
    writeFileSync(glossary, readFileSync(glossary, "utf8").replace(/^definition: (.*)$/m, 'definition: "$1'));
    const topics = join(dir, "topics");
    const topic = join(topics, readdirSync(topics)[0]!);
    writeFileSync(topic, readFileSync(topic, "utf8").replace(/^name: .*$/m, "name: 5"));
    const other = join(topics, readdirSync(topics)[1]!);
    writeFileSync(other, readFileSync(other, "utf8").replace(/^description: .*$/m, `description: ${"a".repeat(400)}`));
    const problems = validateContent({ contentDir: dir, now: NOW });
    expect(
      problems.map(
        (problem) =>
          `${problem.file.replace(/^.*content-[^/]+\//, "")}:${problem.line} ${problem.field}: ${problem.message.slice(0, 22)}`,
      ),
    ).toEqual(
      expect.arrayContaining([
        "glossary/pathologist.yaml:2 yaml: cannot be read: Missin",
        `topics/${readdirSync(topics)[0]}:1 name: 5 should be text`,
        `topics/${readdirSync(topics)[1]}:2 description: is 400 characters long`,
      ]),
    );
    expect(problems).toHaveLength(3);
  });

  test("a glossary entry citing a dictionary's front page, not its term's entry, is an error on that line", () => {
    const dir = siteWith();
    const path = join(dir, "glossary/pathologist.yaml");
    writeFileSync(path, readFileSync(path, "utf8").replace(/\/def\/46244$/m, "/"));
    const problems = validateContent({ contentDir: dir, now: NOW });
    expect(
      problems.map((problem) => `${problem.file.replace(/^.*content-[^/]+\//, "")}:${problem.line} ${problem.field}`),
    ).toEqual(["glossary/pathologist.yaml:7 source.url"]);
    expect(problems[0]?.message).toContain("the dictionary's front page");
  });

  test("a Spanish link suggests Spanish pages, an English link English ones", () => {
    const dir = spanishSite();
    const path = join(dir, "es/articles/good-article.mdx");
    writeFileSync(path, readFileSync(path, "utf8").replace("(/es/guides/good-guide/)", "(/es/guides/good-guid/)"));
    const [problem] = validateContent({ contentDir: dir, now: NOW });
    expect(problem?.message).toBe("there is no page at /es/guides/good-guid/ (did you mean /es/guides/good-guide/?)");
    expect(problem?.fix).toContain("/es/guides/medical-records/");
  });
});
