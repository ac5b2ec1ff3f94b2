/**
 * Build settings that trade memory for time, and the size of site they are for. The build's peak
 * memory must stay under 6 GiB at 10,000 pages (what a standard CI runner can spare); smaller
 * sites have room to spare, and get the faster settings. astro.config.mjs (Astro's incremental build),
 * src/integrations/content-guard.ts (the content check in a worker, beside Astro's set-up) and
 * scripts/lib/processes.ts (`npm run build`'s allocator settings and early check) decide from here.
 */
import { findContentFiles } from "./content/index.ts";
import { contentDir } from "./paths.ts";

/** Up to this many content files, the build uses the settings that cost memory. */
export const MEMORY_FOR_TIME_UP_TO_FILES = 5_000;

/** How many content files the site at `root` has (`CONTENT_DIR` in `env` names another folder). */
export const countContentFiles = (root?: string, env: NodeJS.ProcessEnv = process.env): number =>
  findContentFiles(contentDir(root, env)).length;

/**
 * From this many content files the content check runs in a worker thread. Below, it runs in the
 * build's thread: loading the check's modules a second time costs a worker 0.3 s, more than the
 * real site's whole check (142 files, 0.35 s), and a small site's garbage is small.
 */
export const CHECK_IN_WORKER_FROM_FILES = 500;

/** True when a site of `contentFiles` files checks its content in a worker thread. */
export const checksInWorker = (contentFiles: number): boolean => contentFiles >= CHECK_IN_WORKER_FROM_FILES;

/** True when a site of `contentFiles` files may use the settings that cost memory. */
export const tradesMemoryForTime = (contentFiles: number): boolean => contentFiles <= MEMORY_FOR_TIME_UP_TO_FILES;
