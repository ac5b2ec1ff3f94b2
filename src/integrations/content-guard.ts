/**
 * Stops `astro build` (and `astro sync`) before anything is built when content has mistakes, with
 * one clear message per mistake. In `astro dev` it reports the same problems and keeps serving,
 * so an editor can fix them while previewing. Also warns about pages overdue for review, and
 * writes the old blog addresses it found as redirect files for hosts (dist/_redirects for
 * Netlify and Cloudflare Pages, dist/_redirects.nginx for deploy/nginx.conf).
 */
import type { AstroIntegration, AstroIntegrationLogger } from "astro";
import type { Plugin as VitePlugin } from "vite";
import { AstroError } from "astro/errors";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { keepFacts } from "../lib/content/index.ts";
import type { ContentReport, ValidateOptions } from "../lib/validate/index.ts";
import { formatReport, isError } from "../lib/validate/problems.ts";
import {
  netlifyRedirects,
  nginxRedirects,
  placeNotFoundPages,
  writeRedirectPages,
  type Redirect,
} from "../lib/redirects.ts";
import { announceCheck } from "../lib/content/check-verdict.ts";
import { withBase } from "../lib/urls.ts";
import { checksInWorker, tradesMemoryForTime } from "../lib/site-scale.ts";
import { buildCheckOptions, checkInThread, takeEarlyCheck, type BuildReport } from "./content-check-thread.ts";

/**
 * What the content check learned that other build steps need, settled when it has run: created
 * once in astro.config.mjs and handed to each step that reads it (no module-level state).
 */
export interface CheckedContent {
  /** The posts this build publishes in every language, each with its `locale`; rejects when the content has mistakes. */
  published: Promise<ContentReport["published"]>;
}

export const checkedContent = (): CheckedContent => ({ published: Promise.resolve([]) });

/**
 * The check in its worker thread (content-check-thread.ts): the run `npm run build` started as
 * its process started, when it asked the same, or a new one. This thread keeps the body facts.
 */
export const inspectInWorker = (options: ValidateOptions): Promise<BuildReport> =>
  (takeEarlyCheck(options) ?? checkInThread(options)).then(({ facts, ...report }) => {
    keepFacts(facts);
    return report;
  });

/**
 * Whether the build goes on while the check runs in its worker: Astro sets itself up, reads
 * content and bundles beside it, and only page generation waits (`pagesAfterCheck`). 1,000
 * generated .md pages, 8 alternating pairs of cold builds, with the loaders then waiting for the
 * check: median 10.6 s instead of 11.3 s, at a peak of 1,149 MiB instead of 1,082 (both heaps
 * live at once); with only the pages waiting, 4 pairs: median 8.0 s instead of 8.2 s, faster in
 * each pair. Warm builds, where the check reads its cache, take the same time and peak. A site
 * too big to trade memory for time (src/lib/site-scale.ts) waits for the check before Astro goes
 * on, and a small site's check runs on the build's thread anyway.
 */
const checksBesideAstro = (contentFileCount: number): boolean =>
  checksInWorker(contentFileCount) && tradesMemoryForTime(contentFileCount);

async function inspect(options: ValidateOptions, contentFileCount: number): Promise<BuildReport> {
  return checksInWorker(contentFileCount) ? inspectInWorker(options) : checkModules().inspectContent(options);
}

/**
 * The check's modules, loaded by Node itself and only where the check runs on this thread. Astro
 * loads this file with its config through Vite, which would transform all 18 of them first.
 */
const checkModules = (): typeof import("../lib/validate/index.ts") =>
  createRequire(import.meta.url)("../lib/validate/index.ts");

/**
 * Holds back page generation until the content check has passed. Astro generates the pages in a
 * Vite `buildApp` hook that runs after bundling, its plugin's last: this plugin's hook runs
 * before it, so the check runs beside Astro's set-up, content sync and bundling, and no page is
 * written from content with mistakes. When bundling fails first (an .mdx file that does not
 * compile), the check's list is printed before the bundler's error ends the build.
 */
export const pagesAfterCheck = (verdict: Promise<void>): VitePlugin => ({
  name: "patient-guides:pages-after-content-check",
  buildApp: { order: "post", handler: () => verdict },
  async buildEnd(error) {
    if (error) await verdict.catch(() => undefined);
  },
});

/** `contentFileCount`: how many content files the site has (astro.config.mjs counts them once). */
export default function contentGuard(content: CheckedContent, contentFileCount: number): AstroIntegration {
  let redirects: Redirect[] = [];
  let base = "/";
  let site: string | undefined;
  let verdict: Promise<void> = Promise.resolve();
  return {
    name: "patient-guides:content-guard",
    hooks: {
      "astro:config:setup": async ({ command, logger, config, updateConfig }) => {
        if (command === "preview") return;
        base = config.base;
        site = config.site;
        const started = performance.now();
        const options = buildCheckOptions(fileURLToPath(config.cacheDir), command === "dev");
        if (command === "dev") {
          // The dev server reports mistakes and keeps serving, and Astro sends the old addresses on.
          const report = await inspect(options, contentFileCount);
          reportCheck(report, { logger, started, stop: false });
          redirects = report.redirects;
          updateConfig({ redirects: Object.fromEntries(redirects.map(({ from, to }) => [from, withBase(to, base)])) });
          content.published = Promise.resolve(report.published);
          return;
        }
        // `astro build` and `astro sync`: the check runs while Astro reads content (and bundles);
        // no page is generated before it has passed.
        content.published = inspect(options, contentFileCount).then((report) => {
          redirects = report.redirects;
          reportCheck(report, { logger, started, stop: true });
          if (command === "build") {
            for (const page of report.overdue) {
              logger.warn(
                `${page.file}: review was due ${page.due}. Check the page and set a new nextReview (npm run reviews).`,
              );
            }
          }
          return report.published;
        });
        verdict = content.published.then(() => undefined);
        announceCheck(verdict);
        if (!checksBesideAstro(contentFileCount) || command !== "build") await verdict;
        else updateConfig({ vite: { plugins: [pagesAfterCheck(verdict)] } });
      },
      "astro:build:done": ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        // Hosts without redirect rules get a page at each old address that sends the browser on;
        // the host files below give the others a real 301.
        writeRedirectPages(out, redirects, { base, site });
        writeFileSync(`${out}/_redirects`, netlifyRedirects(redirects, base));
        writeFileSync(`${out}/_redirects.nginx`, nginxRedirects(redirects, base));
        placeNotFoundPages(out);
        logger.info(`wrote ${redirects.length} legacy redirect(s) to _redirects and _redirects.nginx`);
      },
    },
  };
}

/** Logs the check's findings; with `stop`, mistakes end the build (the dev server goes on). */
function reportCheck(
  report: BuildReport,
  { logger, started, stop }: { logger: AstroIntegrationLogger; started: number; stop: boolean },
): void {
  const problems = report.problems.filter(isError);
  const warnings = report.problems.filter((problem) => !isError(problem));
  const took = `${Math.round(performance.now() - started)} ms`;
  if (problems.length > 0) {
    logger.error(`\n${formatReport(problems)}`);
    if (stop) {
      throw new AstroError(
        `Content check failed: ${problems.length} problem${problems.length === 1 ? "" : "s"}, listed above with file, line and fix.`,
        "Run `npm run validate` to check content without building.",
      );
    }
  } else if (warnings.length > 0) {
    logger.warn(`\n${formatReport(warnings)}`);
    logger.info(`content check passed with ${warnings.length} warning${warnings.length === 1 ? "" : "s"} (${took})`);
  } else {
    logger.info(`content check passed (${took})`);
  }
}
