/**
 * The content check's verdict, awaited by the content loaders. On a site of up to some thousands
 * of pages, `astro build` and `astro sync` run the check in a worker while Astro sets itself up
 * and reads content (src/integrations/content-guard.ts). Each collection's loader reads beside
 * the check and is done only when the check has passed, so no page is built from content with
 * mistakes, and an editor reads the check's list (file, line and fix), not Astro's own error for
 * the same file, whichever came first.
 */
import type { Loader, LoaderContext } from "astro/loaders";

// Shared through globalThis: the integration sets it from the config's module graph, and the
// loaders read it from Vite's (src/content.config.ts), two copies of this module in one build.
const VERDICT_KEY = Symbol.for("patient-guides.content-check-verdict");
const slot = globalThis as Record<symbol, Promise<void> | undefined>;

/** Hands the running check to the loaders; it rejects when the content has mistakes. */
export function announceCheck(verdict: Promise<void>): void {
  // Awaited by the loaders and the build; a rejection must not end the process before that.
  verdict.catch(() => undefined);
  slot[VERDICT_KEY] = verdict;
}

/** The running check's verdict; resolved at once when no check runs (tests, `astro dev`). */
const checkVerdict = (): Promise<void> => slot[VERDICT_KEY] ?? Promise.resolve();

/** `loader`, done only once the content check has passed; failing with the check's error if not. */
export function afterContentCheck(loader: Loader): Loader {
  return {
    ...loader,
    load: async (context: LoaderContext) => {
      const [verdict, loaded] = await Promise.allSettled([checkVerdict(), loader.load(context)]);
      if (verdict.status === "rejected") throw verdict.reason;
      if (loaded.status === "rejected") throw loaded.reason;
    },
  };
}
