/**
 * The content check's verdict, awaited by the content loaders. In `astro build` and `astro sync`
 * the check runs in a worker while Astro sets itself up; each collection's loader waits for the
 * verdict before it reads a file, so a build with a content mistake stops with the check's
 * messages (not Astro's own, without line numbers) before any content is loaded or page built
 * (src/integrations/content-guard.ts).
 *
 * The loaders wait before reading rather than while: reading beside the check was about 2 s
 * faster on 1,000 cold .md pages, but both heaps then lived at once and the build peaked about
 * 300 MiB higher (1,549 vs 1,245 MiB, one build each, sampled every 0.5 s).
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
export const checkVerdict = (): Promise<void> => slot[VERDICT_KEY] ?? Promise.resolve();

/** `loader`, reading content only once the content check has passed; failing with the check's error if not. */
export function afterContentCheck(loader: Loader): Loader {
  return {
    ...loader,
    load: async (context: LoaderContext) => {
      await checkVerdict();
      await loader.load(context);
    },
  };
}
