/**
 * The content check's verdict, awaited by the content loaders. In `astro build` and `astro sync`
 * the check runs in a worker while Astro goes on with its own set-up and reads the content; each
 * collection's loader then waits for the verdict before it returns, so a build with a content
 * mistake stops, with the check's messages, before any page is built
 * (src/integrations/content-guard.ts).
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

/**
 * `loader`, returning only once the content check has passed. When the loader itself fails first
 * (Astro's own schema or YAML error, without the check's line numbers and fixes), the check's
 * verdict comes first: its list of mistakes is what the editor should read.
 */
export function afterContentCheck(loader: Loader): Loader {
  return {
    ...loader,
    load: async (context: LoaderContext) => {
      try {
        await loader.load(context);
      } catch (error) {
        await checkVerdict();
        throw error;
      }
      await checkVerdict();
    },
  };
}
