/**
 * The GitHub Actions workflows cannot run here, so they are parsed and checked: what starts each
 * one, which jobs run in which order, what each job may write (least privilege: `contents: read`
 * except where a job must write), and that the steps call the scripts the other tests cover.
 * actionlint checks their syntax and expressions as its own suite in `npm test`.
 * The shell helper that keeps one issue per scheduled check runs here against a stand-in `gh`.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { parse } from "yaml";

type Permissions = Record<string, string> | "read-all" | "write-all";

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

interface Job {
  name?: string;
  if?: string;
  needs?: string | string[];
  "runs-on": string;
  "timeout-minutes"?: number;
  permissions?: Permissions;
  env?: Record<string, string>;
  steps: Step[];
}

interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: Permissions;
  jobs: Record<string, Job>;
}

const DIR = ".github/workflows";
const workflows: Record<string, Workflow> = Object.fromEntries(
  readdirSync(DIR)
    .filter((file) => /\.ya?ml$/.test(file))
    .map((file) => [file, parse(readFileSync(join(DIR, file), "utf8")) as Workflow]),
);
const workflow = (file: string): Workflow => {
  const found = workflows[file];
  if (!found) throw new Error(`${DIR}/${file} is missing`);
  return found;
};
const index = (steps: Step[], predicate: (step: Step) => boolean): number => steps.findIndex(predicate);

/** The only write permissions any job has, and why. Everything else reads at most. */
const WRITES: Record<string, Record<string, Record<string, string>>> = {
  "pages.yml": { deploy: { contents: "write" } }, // push the site to gh-pages
  "preview-publish.yml": { publish: { contents: "write", "pull-requests": "write" } }, // preview + comment
  "reviews.yml": { reviews: { issues: "write" } }, // the one review issue
  "source-links.yml": { links: { issues: "write" } }, // the one dead-links issue
};

describe("every workflow", () => {
  test("the expected workflows are there", () => {
    expect(Object.keys(workflows).sort()).toEqual([
      "ci.yml",
      "pages.yml",
      "preview-publish.yml",
      "preview.yml",
      "reviews.yml",
      "source-links.yml",
    ]);
  });

  test("reads only by default, and each job sets its own permissions", () => {
    for (const [file, { permissions, jobs }] of Object.entries(workflows)) {
      expect(permissions, file).toEqual({ contents: "read" });
      for (const [name, job] of Object.entries(jobs)) expect(job.permissions, `${file} ${name}`).toBeTypeOf("object");
    }
  });

  test("only the jobs that must write can, and only what they need", () => {
    for (const [file, { jobs }] of Object.entries(workflows)) {
      for (const [name, job] of Object.entries(jobs)) {
        const permissions = job.permissions as Record<string, string>;
        const writes = Object.fromEntries(Object.entries(permissions).filter(([, level]) => level === "write"));
        expect(writes, `${file} ${name}`).toEqual(WRITES[file]?.[name] ?? {});
        for (const [scope, level] of Object.entries(permissions)) {
          expect(["read", "write", "none"], `${file} ${name} ${scope}`).toContain(level);
          expect(scope, `${file} ${name}`).not.toBe("id-token");
        }
      }
    }
  });

  test("every job has a time limit, and every action is pinned to a major version", () => {
    for (const [file, { jobs }] of Object.entries(workflows)) {
      for (const [name, job] of Object.entries(jobs)) {
        expect(job["timeout-minutes"], `${file} ${name}`).toBeGreaterThan(0);
        for (const step of job.steps)
          if (step.uses) expect(step.uses, `${file} ${name}`).toMatch(/^[\w.-]+\/[\w.-]+@v\d+$/);
      }
    }
  });

  test("installs with npm install, never npm ci (see README)", () => {
    for (const [file, { jobs }] of Object.entries(workflows)) {
      const runs = Object.values(jobs).flatMap((job) => job.steps.map((step) => step.run ?? ""));
      expect(
        runs.some((run) => /\bnpm ci\b/.test(run)),
        file,
      ).toBe(false);
      for (const job of Object.values(jobs)) {
        const node = job.steps.find((step) => step.uses?.startsWith("actions/setup-node@"));
        if (node) expect(node.with?.["node-version-file"], file).toBe(".nvmrc");
      }
    }
  });
});

describe("ci.yml: the content check first, then the full suite", () => {
  const ci = workflow("ci.yml");
  const content = ci.jobs.content!;
  const suite = ci.jobs.test!;

  test("runs on every pull request and on main", () => {
    expect(Object.keys(ci.on)).toContain("pull_request");
    expect(ci.on.push).toEqual({ branches: ["main"] });
  });

  test("the first job only installs and runs the content check as GitHub annotations", () => {
    expect(content.needs).toBeUndefined();
    const runs = content.steps.map((step) => step.run).filter(Boolean);
    expect(runs).toEqual(["npm install --no-audit --no-fund", "npm run validate -- --format github"]);
    expect(content.permissions).toEqual({ contents: "read" });
  });

  test("the full suite waits for it", () => {
    expect(suite.needs).toBe("content");
    expect(suite.steps.some((step) => step.run?.trim() === "npm test")).toBe(true);
    expect(suite.steps.some((step) => step.uses?.startsWith("actions/checkout@"))).toBe(true);
  });

  test("still uploads the tested build for developers, even when tests fail", () => {
    const upload = suite.steps.find(
      (step) => step.uses?.startsWith("actions/upload-artifact@") && step.with?.path === "dist/",
    );
    expect(upload?.with?.name).toBe("site-preview");
    expect(upload?.if).toBe("always()");
  });
});

describe("preview.yml: builds each pull request with a read-only token", () => {
  const preview = workflow("preview.yml");
  const build = preview.jobs.build!;

  test("runs on every push to a pull request, and when it closes", () => {
    expect((preview.on.pull_request as { types: string[] }).types).toEqual([
      "opened",
      "reopened",
      "synchronize",
      "closed",
    ]);
    expect(build.if).toBe("github.event.action != 'closed'");
    expect(preview.jobs.closed?.if).toBe("github.event.action == 'closed'");
  });

  test("summarises the change from the base's content/ before building for the preview address", () => {
    const steps = build.steps;
    const address = index(steps, (step) => step.id === "address");
    const summary = index(steps, (step) => /npm run --silent change-summary -- /.test(step.run ?? ""));
    const site = index(steps, (step) => step.run?.trim() === "npm run build");
    expect(address).toBeGreaterThan(-1);
    expect(summary).toBeGreaterThan(address);
    expect(site).toBeGreaterThan(summary);
    const run = steps[summary]!.run!;
    expect(run).toContain('git archive "$BASE_SHA" content');
    expect(run).toContain('--base "$RUNNER_TEMP/base/content" --head content');
    expect(run).toContain("--fork");
    expect(run).toContain('--preview-base "$PREVIEW_URL"');
    expect(run).toContain('>> "$GITHUB_STEP_SUMMARY"');
    expect(steps[site]!.env).toEqual({
      SITE_URL: "${{ steps.address.outputs.site }}",
      BASE_PATH: "${{ steps.address.outputs.base_path }}",
      DEPLOY: "1",
    });
    // pr-preview-action's address: <pages>/pr-preview/pr-<number>/
    expect(steps[address]!.run).toContain('path="${path%/}/pr-preview/pr-$PR_NUMBER/"');
  });

  test("keeps the site only for pull requests from this repository, and the summary always", () => {
    const site = build.steps.find((step) => step.with?.name === "preview-site");
    expect(site?.if).toBe("env.FORK == 'false'");
    expect(build.env?.FORK).toBe("${{ github.event.pull_request.head.repo.full_name != github.repository }}");
    expect(build.steps.find((step) => step.with?.name === "preview-meta")?.if).toBe("always()");
  });
});

describe("preview-publish.yml: publishes and comments, without running the pull request's code", () => {
  const publish = workflow("preview-publish.yml");
  const job = publish.jobs.publish!;
  const steps = job.steps;

  test("starts when a Preview run completes", () => {
    expect(publish.on.workflow_run).toEqual({ workflows: [workflow("preview.yml").name], types: ["completed"] });
    expect(job.if).toContain("github.event.workflow_run.event == 'pull_request'");
  });

  test("can read the other run's artifacts, push previews and comment; nothing else", () => {
    expect(job.permissions).toEqual({ actions: "read", contents: "write", "pull-requests": "write" });
  });

  test("checks out only main's files and runs no project code", () => {
    const checkout = steps.find((step) => step.uses?.startsWith("actions/checkout@"));
    expect(checkout?.with).toBeUndefined();
    for (const step of steps) expect(step.run ?? "").not.toMatch(/\b(npm|npx|node)\b/);
  });

  test("trusts the artifact's pull request number only when that pull request's head is the built commit", () => {
    const check = steps.find((step) => step.id === "pr")!.run!;
    expect(check).toContain('gh api "repos/$GH_REPO/pulls/$number"');
    expect(check).toContain('[ "$head" != "$HEAD_SHA $HEAD_REPO" ]');
    expect(job.env?.HEAD_SHA).toBe("${{ github.event.workflow_run.head_sha }}");
  });

  test("deploys and removes with rossjrw/pr-preview-action, never for forks", () => {
    const preview = steps.filter((step) => step.uses?.startsWith("rossjrw/pr-preview-action@"));
    expect(preview.map((step) => step.with?.action)).toEqual(["deploy", "remove"]);
    for (const step of preview) {
      expect(step.if).toContain("steps.pr.outputs.fork == 'false'");
      expect(step.with?.comment).toBe(false); // one comment, ours, with the summary
      expect(step.with?.["pr-number"]).toBe("${{ steps.pr.outputs.number }}");
    }
    expect(preview[0]!.with?.["source-dir"]).toBe("preview-site");
  });

  test("keeps one comment per pull request, edited on every push", () => {
    const comment = steps.find((step) => step.uses?.startsWith("marocchino/sticky-pull-request-comment@"));
    expect(comment?.with).toEqual({
      header: "pr-preview",
      number: "${{ steps.pr.outputs.number }}",
      path: "comment.md",
    });
    const write = steps.find((step) => step.name === "Write the comment")!.run!;
    expect(write).toContain("its preview has been removed");
    expect(write).toContain("The preview could not be built.");
  });
});

describe("pages.yml: the site on GitHub Pages, next to the previews", () => {
  const pages = workflow("pages.yml");
  const build = pages.jobs.build!.steps;
  const deploy = pages.jobs.deploy!;

  test("tests before it builds, builds with the Pages origin and base path", () => {
    expect(pages.on.push).toEqual({ branches: ["main"] });
    const test = index(build, (step) => step.run?.trim() === "npm test");
    const site = index(build, (step) => step.run?.trim() === "npm run build");
    expect(test).toBeGreaterThan(-1);
    expect(site).toBeGreaterThan(test);
    expect(build[site]!.env?.BASE_PATH).toContain("steps.pages.outputs.base_path");
    expect(build[site]!.env?.SITE_URL).toContain("steps.pages.outputs.origin");
    // A deploy build: without SITE_URL it would stop rather than publish a local address.
    expect(build[site]!.env?.DEPLOY).toBe("1");
  });

  test("deploys to the gh-pages branch without touching pr-preview/ and without force-pushing", () => {
    expect(deploy.needs).toBe("build");
    const push = deploy.steps.find((step) => step.uses?.startsWith("JamesIves/github-pages-deploy-action@"));
    expect(push?.with).toMatchObject({ branch: "gh-pages", "clean-exclude": "pr-preview/", force: false });
    expect(index(deploy.steps, (step) => step.run === "touch site/.nojekyll")).toBeLessThan(
      deploy.steps.indexOf(push!),
    );
  });
});

describe("scheduled workflows keep one issue each", () => {
  for (const [file, job, script, output, label] of [
    [
      "reviews.yml",
      "reviews",
      "npm run --silent reviews -- --format issue",
      "reviews.outputs.due",
      "pages-due-for-review",
    ],
    [
      "source-links.yml",
      "links",
      "npm run --silent source-links -- --format issue",
      "links.outputs.dead",
      "dead-source-links",
    ],
  ] as const) {
    test(`${file}: weekly, then opens or updates the issue, or closes it`, () => {
      const { on, jobs } = workflow(file);
      const cron = (on.schedule as Array<{ cron: string }>)[0]!.cron.split(" ");
      expect(cron.slice(2)).toEqual(["*", "*", "1"]); // every Monday
      expect(on).toHaveProperty("workflow_dispatch");
      const steps = jobs[job]!.steps;
      expect(jobs[job]!.env?.LABEL).toBe(label);
      const list = index(steps, (step) => step.run?.includes(script) ?? false);
      const open = index(steps, (step) => step.run?.includes("tracking-issue.sh open") ?? false);
      const close = index(steps, (step) => step.run?.includes("tracking-issue.sh close") ?? false);
      expect(list).toBeGreaterThan(-1);
      expect(open).toBeGreaterThan(list);
      expect(steps[open]!.if).toBe(`steps.${output} != '0'`);
      expect(steps[close]!.if).toBe(`steps.${output} == '0'`);
    });
  }
});

describe(".github/scripts/tracking-issue.sh (with a stand-in gh)", () => {
  const dir = mkdtempSync(join(tmpdir(), "tracking-issue-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // The stand-in logs each call and answers `issue list` with the open issue numbers it is given.
  writeFileSync(
    join(dir, "gh"),
    '#!/usr/bin/env bash\nprintf "%s\\n" "$*" >> "$GH_LOG"\nif [ "$1 $2" = "issue list" ]; then printf "%s" "$FAKE_OPEN"; fi\n',
  );
  chmodSync(join(dir, "gh"), 0o755);
  writeFileSync(join(dir, "body.md"), "body\n");

  const run = (open: string, ...args: string[]): string[] => {
    const log = join(dir, `log-${Math.random()}`);
    writeFileSync(log, "");
    const result = spawnSync("bash", [".github/scripts/tracking-issue.sh", ...args], {
      encoding: "utf8",
      env: { ...process.env, PATH: `${dir}:${process.env.PATH}`, GH_LOG: log, FAKE_OPEN: open },
    });
    expect(result.status, result.stderr).toBe(0);
    return readFileSync(log, "utf8").trim().split("\n").slice(1); // after the `issue list` call
  };

  test("opens the issue the first time, with its label", () => {
    const calls = run("", "open", "dead-source-links", "Dead source links (2)", join(dir, "body.md"));
    expect(calls[0]).toMatch(/^label create dead-source-links /);
    expect(calls[1]).toBe(
      `issue create --title Dead source links (2) --body-file ${join(dir, "body.md")} --label dead-source-links`,
    );
    expect(calls).toHaveLength(2);
  });

  test("edits the open issue on later runs instead of opening another", () => {
    const calls = run("7", "open", "dead-source-links", "Dead source links (1)", join(dir, "body.md"));
    expect(calls).toEqual([`issue edit 7 --title Dead source links (1) --body-file ${join(dir, "body.md")}`]);
  });

  test("closes it when nothing is left, and does nothing when there is none", () => {
    expect(run("7", "close", "dead-source-links", "All fine.")).toEqual(["issue close 7 --comment All fine."]);
    expect(run("", "close", "dead-source-links", "All fine.")).toEqual([]);
  });

  test("finds the issue by its label among open issues", () => {
    const log = join(dir, "list-log");
    writeFileSync(log, "");
    spawnSync("bash", [".github/scripts/tracking-issue.sh", "close", "pages-due-for-review", "x"], {
      env: { ...process.env, PATH: `${dir}:${process.env.PATH}`, GH_LOG: log, FAKE_OPEN: "" },
    });
    expect(readFileSync(log, "utf8")).toContain("issue list --label pages-due-for-review --state open");
  });
});

describe("the build cache", () => {
  const builds: Array<[string, string]> = [
    ["ci.yml", "test"],
    ["preview.yml", Object.keys(workflow("preview.yml").jobs)[0]!],
  ];
  test.each(builds)("%s (%s) restores Astro's cache before it builds, keyed by the lockfile", (file, jobName) => {
    const steps = workflow(file).jobs[jobName]!.steps;
    const cache = index(steps, (step) => step.uses?.startsWith("actions/cache@") === true);
    const build = index(steps, (step) => /npm (test|run build)/.test(step.run ?? ""));
    expect(cache, `${file} has an actions/cache step`).toBeGreaterThan(-1);
    expect(cache).toBeLessThan(build);
    const { path, key } = steps[cache]!.with as { path: string; key: string };
    expect(path).toBe(".astro");
    expect(key).toContain("hashFiles('package-lock.json')");
  });
});
