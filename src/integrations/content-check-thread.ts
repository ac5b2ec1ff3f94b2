/**
 * The content check in a worker thread (src/integrations/content-check-worker.ts): what it
 * parses and throws away lives and dies with the worker's heap, and the build's thread gets back
 * only the report and each post's body facts (the pages read those instead of parsing again).
 *
 * `npm run build` starts it as its Node process starts (content-check-preload.ts), about a second
 * before Astro's config hook would, and the content guard takes that run when it was asked the
 * same question. This module loads no part of the check itself, so the early start costs the
 * process's start nothing.
 */
import { resolve } from "node:path";
import { Worker } from "node:worker_threads";
import type { KeptFacts } from "../lib/content/index.ts";
import type { ContentReport, ValidateOptions } from "../lib/validate/index.ts";
import { contentDir } from "../lib/paths.ts";

export type BuildReport = Pick<ContentReport, "problems" | "redirects" | "published" | "overdue">;
/** The report and the body facts the check kept, for `keepFacts`. */
export type ThreadReport = BuildReport & { facts: Array<[string, KeptFacts]> };

/** What the build's check reads: the content folder, and its cache in Astro's `cacheDir`. */
export const buildCheckOptions = (cacheDir: string, includeUnpublished = false): ValidateOptions => ({
  contentDir: contentDir(),
  includeUnpublished,
  // Kept with Astro's own cache, which CI restores between runs.
  cacheFile: resolve(cacheDir, "content-check.bin"),
});

/**
 * A smaller young generation than V8's default, measured faster and smaller: the check of 1,000
 * generated pages in its worker, 4 interleaved rounds, took 2.36-2.70 s instead of 2.46-3.06 s,
 * with a peak of 267-273 MB instead of 393-402.
 */
const CHECK_WORKER_HEAP = { maxYoungGenerationSizeMb: 16 };

/**
 * The check in a worker. Under the build's heap limit (ASTRO_BUILD_HEAP_MIB), one build of
 * 10,000 MDX pages each way peaked at 5.9 GiB with the worker and 6.6 GiB without it.
 */
export function checkInThread(options: ValidateOptions): Promise<ThreadReport> {
  return new Promise((done, fail) => {
    const worker = new Worker(new URL("./content-check-worker.ts", import.meta.url), {
      workerData: options,
      resourceLimits: CHECK_WORKER_HEAP,
    });
    worker.once("message", done);
    worker.once("error", fail);
    worker.once("exit", (code) => {
      if (code !== 0) fail(new Error(`the content check's worker exited with ${code}`));
    });
  });
}

// Shared through globalThis: the preload sets it from Node's own module graph, the content guard
// reads it from the config's (Vite's).
const EARLY_KEY = Symbol.for("patient-guides.early-content-check");
type EarlyCheck = { options: ValidateOptions; report: Promise<ThreadReport> };
const slot = globalThis as Record<symbol, EarlyCheck | undefined>;

/** Starts the check now, for the content guard to take later (content-check-preload.ts). */
export function startEarlyCheck(options: ValidateOptions): void {
  const report = checkInThread(options);
  // Awaited by the guard; a failure must not end the process before Astro reports it.
  report.catch(() => undefined);
  slot[EARLY_KEY] = { options, report };
}

/** The check started early with these same options, if any (once: a second ask gets nothing). */
export function takeEarlyCheck(options: ValidateOptions): Promise<ThreadReport> | undefined {
  const early = slot[EARLY_KEY];
  slot[EARLY_KEY] = undefined;
  const same =
    early !== undefined &&
    (Object.keys(options) as Array<keyof ValidateOptions>).every((key) => early.options[key] === options[key]) &&
    Object.keys(early.options).length === Object.keys(options).length;
  return same ? early.report : undefined;
}
