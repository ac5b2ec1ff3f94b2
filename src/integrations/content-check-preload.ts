/**
 * Loaded before Astro by `npm run build` (`node --import`, scripts/lib/processes.ts) on a site
 * whose content check runs in a worker: the check starts with the process, while Astro loads
 * itself and its config, and the content guard takes its result (content-check-thread.ts).
 * 1,000 generated pages: the check used to start about a second into the build.
 */
import { isMainThread } from "node:worker_threads";
import { cacheDir } from "../lib/paths.ts";
import { buildCheckOptions, startEarlyCheck } from "./content-check-thread.ts";

// Worker threads inherit `--import`: the check's own worker and the share cards' must not start
// another check.
if (isMainThread) startEarlyCheck(buildCheckOptions(cacheDir()));
