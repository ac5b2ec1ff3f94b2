/**
 * Whole-site sweeps over the built files (no browser needed): every page is valid HTML by
 * html-validate's recommended preset; every internal link and #fragment resolves; every
 * external link is https; nothing on any page loads from another site; old addresses send readers on.
 */
import { expect, test } from "@playwright/test";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { HtmlValidate } from "html-validate";
import { DIST, SITE_URL, builtPages } from "./site";
import { brokenLinks } from "../link-check";

const BASE = (process.env.BASE_PATH ?? "/").replace(/\/?$/, "/");
const pages = builtPages();
const fileOf = (path: string) => `${DIST}${path.endsWith("/") ? `${path}index.html` : path}`;
const html = (path: string) => readFileSync(fileOf(path), "utf8");

test("every page is valid HTML (html-validate, recommended preset)", async () => {
  const validator = new HtmlValidate({
    extends: ["html-validate:recommended"],
    // A group of checkboxes sharing one name is standard HTML (the search filters: type=Article&type=Guide).
    rules: {
      "form-dup-name": ["error", { shared: ["radio", "checkbox", "button", "reset", "submit"] }],
      // Phone numbers keep ordinary hyphens and spaces on purpose: non-breaking ones stop
      // find-in-page and copying from matching "800-826", and push a phone at 200% text sideways.
      "tel-non-breaking": "off",
    },
  });
  const problems: string[] = [];
  for (const path of pages) {
    const report = await validator.validateString(html(path), fileOf(path));
    for (const result of report.results)
      for (const message of result.messages)
        problems.push(`${path}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
  }
  expect(problems).toEqual([]);
});

test("every internal link and #fragment resolves; external links are https", () => {
  expect(brokenLinks(DIST, BASE, SITE_URL)).toEqual([]);
});

test("no word runs into a link or emphasis: a space is kept between them", () => {
  // Astro drops a line break between text and a tag that starts the next template line, which
  // printed "Ourprivacy page" (tests/unit/template-whitespace.test.ts finds the cause in src/).
  const glued =
    /[\p{L}\p{N}.,;:!?]<(a|abbr|b|cite|code|em|i|strong|time)\b|<\/(a|abbr|b|cite|code|em|i|strong|time)>[\p{L}\p{N}]/u;
  const found: string[] = [];
  for (const path of pages) {
    const body = html(path).replace(/<(script|style)\b[\s\S]*?<\/\1>/g, "");
    const match = glued.exec(body);
    if (match) found.push(`${path}: ${body.slice(Math.max(0, match.index - 30), match.index + 30)}`);
  }
  expect(found).toEqual([]);
});

test("no page loads anything from another site", () => {
  const thirdParty: string[] = [];
  const fromElsewhere = (url: string) => /^(https?:)?\/\//.test(url);
  for (const path of pages) {
    for (const [tag] of html(path).matchAll(/<(?:link|script|img|source|iframe|video|audio|embed|object)\b[^>]*>/g)) {
      // Links that only name another address (canonical, feed) load nothing.
      if (
        tag.startsWith("<link") &&
        !/rel="(stylesheet|preload|modulepreload|icon|manifest|preconnect|dns-prefetch|prefetch)"/.test(tag)
      )
        continue;
      for (const [, , value] of tag.matchAll(/\s(src|href|srcset|data)="([^"]*)"/g)) {
        if (value!.split(",").some((part) => fromElsewhere(part.trim()))) thirdParty.push(`${path}: ${tag}`);
      }
    }
  }
  expect(thirdParty).toEqual([]);
});

test("each page's CSP meta allows scripts only as files from the site, and styles only its own inline ones", () => {
  const wrong: string[] = [];
  for (const path of pages) {
    const page = html(path);
    const policy = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(page)?.[1];
    if (policy === undefined) {
      // An old address's page only sends the browser on (Astro writes it without the policy).
      if (!page.includes('http-equiv="refresh"')) wrong.push(`${path}: no CSP meta`);
      continue;
    }
    const directive = (name: string) => policy.split(";").find((part) => part.trim().startsWith(name)) ?? "";
    if (/'sha\d+-/.test(directive("script-src"))) wrong.push(`${path}: script-src lists hashes`);
    const styles = [...page.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)]
      .map(([, css]) => `'sha256-${createHash("sha256").update(css!).digest("base64")}'`)
      .sort();
    const hashes = (directive("style-src").match(/'sha256-[^']+'/g) ?? []).sort();
    if (hashes.join(" ") !== styles.join(" "))
      wrong.push(`${path}: style-src ${hashes.join(" ")} for styles ${styles}`);
  }
  expect(pages.length).toBeGreaterThan(0);
  expect(wrong).toEqual([]);
});

/** Old addresses with a trailing slash (the form Astro writes a page for) and their new page, from the host rules. */
function legacyRedirects(): Array<{ from: string; to: string }> {
  return readFileSync(`${DIST}/_redirects`, "utf8")
    .split("\n")
    .map((line) => line.split(" "))
    .filter(([from, , status]) => from?.startsWith("/") && from.endsWith("/") && status === "301")
    .map(([from, to]) => ({ from: from!.slice(BASE.length - 1), to: to! }));
}

test("each old address has a page that sends the browser on at once to the same page as the host rule", () => {
  const redirects = legacyRedirects();
  expect(redirects.length).toBeGreaterThan(0);
  for (const { from, to } of redirects) {
    expect(existsSync(fileOf(from)), `${from} has a page`).toBe(true);
    const page = html(from);
    expect(page, from).toContain(`<meta http-equiv="refresh" content="0;url=${to}">`);
    expect(page, from).toContain('<meta name="robots" content="noindex">');
    expect(page, from).toContain(`<link rel="canonical" href="${new URL(to, SITE_URL).href}">`);
    expect(page, from).toContain(`<a href="${to}">`);
    expect(pages, `${from} is not listed as a page`).not.toContain(from);
  }
});
