/**
 * Stops `astro build` (and `astro sync`) before anything is built when content has mistakes, with
 * one clear message per mistake. In `astro dev` it reports the same problems and keeps serving,
 * so an editor can fix them while previewing. Also warns about pages overdue for review, and
 * writes the old blog addresses it found as redirect files for hosts (dist/_redirects for
 * Netlify and Cloudflare Pages, dist/_redirects.nginx for deploy/nginx.conf).
 */
import type { AstroIntegration } from "astro";
import { AstroError } from "astro/errors";
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { keepFacts, type KeptFacts } from "../lib/content/index.ts";
import {
  formatReport,
  inspectContent,
  isError,
  type ContentReport,
  type ValidateOptions,
} from "../lib/validate/index.ts";
import { netlifyRedirects, nginxRedirects, placeNotFoundPages, type Redirect } from "../lib/redirects.ts";
import { withBase } from "../lib/urls.ts";
import { contentDir } from "../lib/paths.ts";

/**
 * What the content check learned that other build steps need, filled in when it runs: created
 * once in astro.config.ts and handed to each step that reads it (no module-level state).
 */
export interface CheckedContent {
  /** The posts this build publishes in every language, each with its `locale`. */
  published: ContentReport["published"];
}

export const checkedContent = (): CheckedContent => ({ published: [] });

type BuildReport = Pick<ContentReport, "problems" | "redirects" | "published" | "overdue">;

/**
 * A smaller young generation than V8's default, measured faster and smaller: the check of 1,000
 * generated pages in its worker, 4 interleaved rounds, took 2.36-2.70 s instead of 2.46-3.06 s,
 * with a peak of 267-273 MB instead of 393-402.
 */
const CHECK_WORKER_HEAP = { maxYoungGenerationSizeMb: 16 };

/**
 * The content check, run in a worker thread: what it parses and drops stays in the worker's heap,
 * which is gone when it ends, and the build's thread gets back only the report and each post's
 * facts (the pages read those instead of parsing again). Under the build's heap limit
 * (ASTRO_BUILD_HEAP_MIB), one build of 10,000 MDX pages each way peaked at 5.9 GiB with the
 * worker and 6.6 GiB without it.
 */
export function inspectInWorker(options: ValidateOptions): Promise<BuildReport> {
  return new Promise((done, fail) => {
    const worker = new Worker(new URL("./content-check-worker.ts", import.meta.url), {
      workerData: options,
      resourceLimits: CHECK_WORKER_HEAP,
    });
    worker.once("message", ({ facts, ...report }: BuildReport & { facts: Array<[string, KeptFacts]> }) => {
      keepFacts(facts);
      done(report);
    });
    worker.once("error", fail);
    worker.once("exit", (code) => {
      if (code !== 0) fail(new Error(`the content check's worker exited with ${code}`));
    });
  });
}

/**
 * From this many content files the check runs in a worker. Below, it runs in the build's thread:
 * loading the check's modules a second time costs a worker 0.3 s, more than the real site's
 * whole check (142 files, 0.35 s), and a small site's garbage is small.
 */
const WORKER_FROM_FILES = 500;

async function inspect(options: ValidateOptions, contentFileCount: number): Promise<BuildReport> {
  return contentFileCount >= WORKER_FROM_FILES ? inspectInWorker(options) : inspectContent(options);
}

/** `contentFileCount`: how many content files the site has (astro.config.ts counts them once). */
export default function contentGuard(content: CheckedContent, contentFileCount: number): AstroIntegration {
  let redirects: Redirect[] = [];
  let base = "/";
  return {
    name: "patient-guides:content-guard",
    hooks: {
      "astro:config:setup": async ({ command, logger, config, updateConfig }) => {
        if (command === "preview") return;
        base = config.base;
        const started = performance.now();
        const report = await inspect(
          {
            contentDir: contentDir(),
            includeUnpublished: command === "dev",
            // Kept with Astro's own cache, which CI restores between runs.
            cacheFile: resolve(fileURLToPath(config.cacheDir), "content-check.bin"),
          },
          contentFileCount,
        );
        const problems = report.problems.filter(isError);
        const warnings = report.problems.filter((problem) => !isError(problem));
        redirects = report.redirects;
        // Astro writes a page at each old address that sends the browser on (for hosts without
        // redirect rules); the host files below give the others a real 301.
        updateConfig({ redirects: Object.fromEntries(redirects.map(({ from, to }) => [from, withBase(to, base)])) });
        content.published = report.published;
        if (problems.length > 0) {
          logger.error(`\n${formatReport(problems)}`);
          if (command !== "dev") {
            throw new AstroError(
              `Content check failed: ${problems.length} problem${problems.length === 1 ? "" : "s"}, listed above with file, line and fix.`,
              "Run `npm run validate` to check content without building.",
            );
          }
        } else if (warnings.length > 0) {
          logger.warn(`\n${formatReport(warnings)}`);
          logger.info(
            `content check passed with ${warnings.length} warning${warnings.length === 1 ? "" : "s"} (${Math.round(performance.now() - started)} ms)`,
          );
        } else {
          logger.info(`content check passed (${Math.round(performance.now() - started)} ms)`);
        }
        if (command === "build") {
          for (const page of report.overdue) {
            logger.warn(
              `${page.file}: review was due ${page.due}. Check the page and set a new nextReview (npm run reviews).`,
            );
          }
        }
      },
      "astro:build:done": ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        writeFileSync(`${out}/_redirects`, netlifyRedirects(redirects, base));
        writeFileSync(`${out}/_redirects.nginx`, nginxRedirects(redirects, base));
        placeNotFoundPages(out);
        logger.info(`wrote ${redirects.length} legacy redirect(s) to _redirects and _redirects.nginx`);
      },
    },
  };
}
