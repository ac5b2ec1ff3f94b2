/**
 * The content check's verdict, for the content loaders. On a site of up to some thousands of
 * pages, `astro build` runs the check in a worker while Astro sets itself up, reads content and
 * bundles (src/integrations/content-guard.ts), and no page is generated before it has passed. A
 * loader reads beside the check; when Astro's own check of a file fails, the loader waits for the
 * verdict, so that an editor reads the check's list (file, line and fix), not Astro's own error
 * for the same file.
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

/** `loader`, failing with the check's error rather than its own when the content has mistakes. */
export function afterContentCheck(loader: Loader): Loader {
  return {
    ...loader,
    load: async (context: LoaderContext) => {
      try {
        await loader.load(context);
      } catch (error) {
        // Astro found a mistake in a file: the check likely lists it too, with its line and a fix.
        await checkVerdict();
        throw error;
      }
    },
  };
}
