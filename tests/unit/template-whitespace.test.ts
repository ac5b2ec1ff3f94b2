/**
 * Astro drops a line break, with its indent, between text and an element or expression that
 * starts the next line: "blog for patients of\n{site.organization.name}" was built as "blog for
 * patients ofCity of Hope", and "Our\n<a>privacy page</a>" as "Ourprivacy page". Such a break
 * needs an explicit {" "} at the end of the text's line.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";

const SRC = "src";
const INLINE_START = /^<(a|abbr|b|cite|code|em|i|kbd|small|span|strong|time|PhoneLink|Term|Cite)\b/;
const ENDS_IN_TEXT = /[\p{L}\p{N}.,;:!?)"”»]$/u;
const ATTRIBUTE = /^[\w:@.-]+=/;

/** An expression that opens and closes on its line, e.g. `{site.organization.name} blog`. */
const oneLineExpression = (line: string) => {
  if (!line.startsWith("{")) return false;
  let depth = 0;
  for (const char of line) {
    if (char === "{") depth++;
    else if (char === "}" && --depth === 0) return true;
  }
  return false;
};

/** Lines of an .astro file's template (after its frontmatter fence), numbered from 1. */
function templateLines(text: string): Array<{ number: number; text: string }> {
  const lines = text.split("\n");
  const fence = lines[0]?.trim() === "---" ? lines.indexOf("---", 1) : -1;
  return lines.map((line, index) => ({ number: index + 1, text: line.trim() })).slice(fence + 1);
}

/** `file:line` of each line break Astro would drop between text and what follows it. */
function gluedBreaks(file: string, text: string): string[] {
  const lines = templateLines(text);
  const found: string[] = [];
  for (let index = 1; index < lines.length; index++) {
    const before = lines[index - 1]!.text;
    const line = lines[index]!.text;
    if (!ENDS_IN_TEXT.test(before) || before.endsWith('{" "}') || ATTRIBUTE.test(before)) continue;
    if (before.startsWith("<") && before.endsWith(">")) continue;
    if (INLINE_START.test(line) || oneLineExpression(line)) found.push(`${file}:${lines[index]!.number}`);
  }
  return found;
}

const astroFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".astro"))
    .map((file) => join(dir, file));

describe("line breaks in templates", () => {
  test("finds text glued to an element or expression on the next line, and not a break it keeps", () => {
    const page = (body: string) => `---\nconst a = 1;\n---\n<p>\n${body}\n</p>\n`;
    expect(gluedBreaks("x.astro", page("blog for patients of\n{site.organization.name}."))).toEqual(["x.astro:6"]);
    expect(gluedBreaks("x.astro", page("at the end of it. Our\n<a href={x}>privacy page</a> explains"))).toEqual([
      "x.astro:6",
    ]);
    expect(gluedBreaks("x.astro", page('blog for patients of{" "}\n{site.organization.name}.'))).toEqual([]);
    expect(gluedBreaks("x.astro", page("plain text\nwraps onto plain text"))).toEqual([]);
    expect(gluedBreaks("x.astro", page("<span>\n{list.map((item) => (\n<b>{item}</b>\n))}"))).toEqual([]);
  });

  test("no template in src/ glues text to what starts its next line", () => {
    expect(astroFiles(SRC).flatMap((file) => gluedBreaks(file, readFileSync(file, "utf8")))).toEqual([]);
  });
});
