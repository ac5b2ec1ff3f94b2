/**
 * Files that cannot run here but must stay right: the editors' documentation (kept in step with
 * the schema and the components, so a new field or component cannot go undocumented) and the
 * deploy headers. The GitHub Actions workflows are checked in workflows.test.ts.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { validatorSchema } from "../../src/lib/validate/frontmatter";
import { componentRules } from "../../src/lib/component-rules";
import { CACHE_CONTROL, HEADER_FILES, SECURITY_HEADERS, netlifyHeaders, nginxHeaders } from "../../src/lib/security";

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
  test("_headers (Netlify, Cloudflare Pages), written by the build, sends every security header on every path", () => {
    const text = netlifyHeaders("/");
    const block = /^\/\*\n((?: {2}.+\n)+)/m.exec(text)?.[1] ?? "";
    const headers = Object.fromEntries(
      block
        .trim()
        .split("\n")
        .map((line) =>
          line
            .trim()
            .split(/:\s(.+)/)
            .slice(0, 2),
        ),
    );
    expect(headers).toEqual(SECURITY_HEADERS);
    expect(text).toMatch(new RegExp(`^/_astro/\\*\\n {2}Cache-Control: ${escapeText(CACHE_CONTROL.immutable)}$`, "m"));
    expect(netlifyHeaders("/patient-guides")).toContain("\n/patient-guides/_astro/*\n");
  });

  test("_security-headers.nginx sends the same headers, always, and deploy/nginx.conf includes it in every location that adds headers", () => {
    const lines = nginxHeaders()
      .split("\n")
      .filter((line) => line.startsWith("add_header"));
    const headers = Object.fromEntries(
      lines.map((line) => /^add_header (\S+) "(.+)" always;$/.exec(line)!.slice(1, 3)),
    );
    expect(headers).toEqual(SECURITY_HEADERS);
    const nginx = readFileSync("deploy/nginx.conf", "utf8");
    expect(nginx).toContain(`add_header Cache-Control "${CACHE_CONTROL.immutable}" always;`);
    expect(nginx).toContain(`add_header Cache-Control "${CACHE_CONTROL.short}" always;`);
    const locations = nginx
      .split(/\n\s*location /)
      .slice(1)
      .filter((block) => block.includes("add_header"));
    for (const block of locations) expect(block).toContain(`include /var/www/patient-guides/${HEADER_FILES.nginx};`);
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

const escapeText = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("the Node.js floor", () => {
  const floor = /^>=(\d+\.\d+)$/.exec(JSON.parse(readFileSync("package.json", "utf8")).engines.node)?.[1];

  // Type stripping (22.18) lets Node run the .ts scripts; html-validate, lighthouse and undici need 22.22,
  // and `npm install` refuses a Node below what a dependency needs (.npmrc engine-strict).
  test("is the first Node that runs the TypeScript scripts and installs every dependency (22.22)", () => {
    expect(floor).toBe("22.22");
    for (const name of ["html-validate", "lighthouse", "undici"]) {
      const needs: string = JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf8")).engines.node;
      expect(needs, name).toMatch(/22\.(19|2[0-2])/);
    }
    // `npm run validate` and friends are `node scripts/x.ts`: they rely on it.
    const scripts = Object.values(JSON.parse(readFileSync("package.json", "utf8")).scripts as Record<string, string>);
    expect(scripts.some((script) => /^node scripts\/\S+\.ts/.test(script))).toBe(true);
  });

  test("is what the README, the editors' guide, the test runner and CI bootstrap say and use", () => {
    expect(readFileSync("README.md", "utf8")).toContain(`Node.js ${floor} or newer`);
    expect(readFileSync("CONTRIBUTING.md", "utf8")).toContain(`Node.js ${floor} or newer`);
    expect(readFileSync("scripts/test.ts", "utf8")).toContain('readJson("package.json").engines.node');
    // A Node too old to run scripts/test.ts at all is refused by `npm install`, with npm's own message.
    expect(readFileSync(".npmrc", "utf8")).toMatch(/^engine-strict=true$/m);
    expect(readFileSync(".ci/run", "utf8")).toContain("engines.node");
    expect(Number(readFileSync(".nvmrc", "utf8").trim())).toBeGreaterThanOrEqual(Number(floor!.split(".")[0]));
  });
});
