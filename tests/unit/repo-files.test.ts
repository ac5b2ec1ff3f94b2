/**
 * Files that cannot run here but must stay right: the GitHub Actions workflow (parsed and checked
 * for the steps it must have) and the editors' documentation (kept in step with the schema and
 * the components, so a new field or component cannot go undocumented).
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { validatorSchema } from "../../src/lib/validate/frontmatter";
import { componentRules } from "../../src/lib/component-rules";
import { CACHE_CONTROL, SECURITY_HEADERS } from "../../src/lib/security";

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
}

describe("the CI workflow", () => {
  const workflow = parse(readFileSync(".github/workflows/ci.yml", "utf8")) as {
    on: Record<string, unknown>;
    jobs: Record<string, { "runs-on": string; steps: Step[] }>;
  };
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

  test("runs on every pull request and on main", () => {
    expect(Object.keys(workflow.on)).toContain("pull_request");
    expect(workflow.on.push).toEqual({ branches: ["main"] });
  });

  test("checks out, sets up the Node version from .nvmrc, installs and runs the tests", () => {
    expect(steps.some((step) => step.uses?.startsWith("actions/checkout@"))).toBe(true);
    const node = steps.find((step) => step.uses?.startsWith("actions/setup-node@"));
    expect(node?.with?.["node-version-file"]).toBe(".nvmrc");
    expect(steps.some((step) => step.run?.includes("npm install"))).toBe(true);
    expect(steps.some((step) => step.run?.includes("npm ci"))).toBe(false);
    expect(steps.some((step) => step.run?.trim() === "npm test")).toBe(true);
  });

  test("uploads the built site as a preview artifact, even when tests fail", () => {
    const upload = steps.find((step) => step.uses?.startsWith("actions/upload-artifact@") && step.with?.path === "dist/");
    expect(upload?.with?.name).toBe("site-preview");
    expect(upload?.if).toBe("always()");
  });
});

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

describe("the GitHub Pages workflow", () => {
  const workflow = parse(readFileSync(".github/workflows/pages.yml", "utf8")) as {
    on: Record<string, unknown>;
    permissions: Record<string, string>;
    jobs: Record<string, { steps: Step[]; needs?: string }>;
  };
  const build = workflow.jobs.build!.steps;

  test("tests before it builds, builds with the Pages origin and base path, and deploys", () => {
    expect(workflow.on.push).toEqual({ branches: ["main"] });
    expect(workflow.permissions).toMatchObject({ pages: "write", "id-token": "write" });
    const test = build.findIndex((step) => step.run?.trim() === "npm test");
    const buildStep = build.findIndex((step) => step.run?.trim() === "npm run build");
    expect(test).toBeGreaterThan(-1);
    expect(buildStep).toBeGreaterThan(test);
    const env = (build[buildStep] as Step & { env?: Record<string, string> }).env;
    expect(env?.BASE_PATH).toContain("steps.pages.outputs.base_path");
    expect(env?.SITE_URL).toContain("steps.pages.outputs.origin");
    expect(build.some((step) => step.uses?.startsWith("actions/upload-pages-artifact@") && step.with?.path === "dist/")).toBe(true);
    expect(workflow.jobs.deploy?.needs).toBe("build");
    expect(workflow.jobs.deploy?.steps.some((step) => step.uses?.startsWith("actions/deploy-pages@"))).toBe(true);
  });
});
