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
