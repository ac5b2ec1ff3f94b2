/**
 * Files that cannot run here but must stay right: the editors' documentation (kept in step with
 * the schema and the components, so a new field or component cannot go undocumented) and the
 * deploy headers. The GitHub Actions workflows are checked in workflows.test.ts.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { validatorSchema } from "../../src/lib/validate/frontmatter";
import { componentRules } from "../../src/lib/component-rules";
import { CACHE_CONTROL, SECURITY_HEADERS } from "../../src/lib/security";

describe("the editors' documentation", () => {
  const contributing = readFileSync("CONTRIBUTING.md", "utf8");
  const componentDocs = readFileSync("src/components/mdx/README.md", "utf8");
  const template = readFileSync(".github/pull_request_template.md", "utf8");

  test("CONTRIBUTING.md explains every frontmatter field", () => {
    const fields = Object.keys(validatorSchema("guides", { authors: [], topics: [] }).shape);
    const undocumented = fields.filter((field) => !contributing.includes(`| \`${field}\` |`));
    expect(undocumented).toEqual([]);
  });

  test("every editor component is documented, with an example", () => {
    for (const name of Object.keys(componentRules)) {
      expect(componentDocs, name).toMatch(new RegExp(`## ${name}\\b`));
      expect(componentDocs, name).toContain(`<${name}`);
      expect(contributing, name).toContain(`**${name}**`);
    }
  });

  test("the pull request template carries the editorial checklist", () => {
    for (const item of ["Sources", "Dates", "Alt text", "Plain language"]) expect(template).toContain(`**${item}`);
  });
});

describe("deploy headers match the policy in src/lib/security.ts", () => {
  test("public/_headers (Netlify, Cloudflare Pages) sends every security header on every path", () => {
    const text = readFileSync("public/_headers", "utf8");
    const block = /^\/\*\n((?: {2}.+\n)+)/m.exec(text)?.[1] ?? "";
    const headers = Object.fromEntries(block.trim().split("\n").map((line) => line.trim().split(/:\s(.+)/).slice(0, 2)));
    expect(headers).toEqual(SECURITY_HEADERS);
    expect(text).toMatch(new RegExp(`^/_astro/\\*\\n {2}Cache-Control: ${escape(CACHE_CONTROL.immutable)}$`, "m"));
  });

  test("deploy/security-headers.conf (nginx) sends the same headers, always", () => {
    const lines = readFileSync("deploy/security-headers.conf", "utf8").split("\n").filter((line) => line.startsWith("add_header"));
    const headers = Object.fromEntries(lines.map((line) => /^add_header (\S+) "(.+)" always;$/.exec(line)!.slice(1, 3)));
    expect(headers).toEqual(SECURITY_HEADERS);
    const nginx = readFileSync("deploy/nginx.conf", "utf8");
    expect(nginx).toContain(`add_header Cache-Control "${CACHE_CONTROL.immutable}" always;`);
    expect(nginx).toContain(`add_header Cache-Control "${CACHE_CONTROL.short}" always;`);
  });

  test("the CSP allows scripts only as files from the site itself, and nothing from elsewhere", () => {
    const csp = SECURITY_HEADERS["Content-Security-Policy"]!;
    const directive = (name: string) => csp.split("; ").find((part) => part.startsWith(`${name} `));
    expect(directive("script-src")).toBe("script-src 'self' 'wasm-unsafe-eval'");
    // Inline styles: allowed by the header, narrowed to the page's own hashed <style> by its <meta> policy.
    expect(directive("style-src")).toBe("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/'unsafe-eval'|\*|https:|http:/);
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
