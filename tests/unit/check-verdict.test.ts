/**
 * The content loaders wait for the content check that runs beside Astro's set-up in a build
 * (src/lib/content/check-verdict.ts): no loader reads content before the check has passed, and
 * an editor reads the check's list of mistakes, not Astro's own error for the same file.
 */
import { afterEach, describe, expect, test } from "vitest";
import type { Loader, LoaderContext } from "astro/loaders";
import { afterContentCheck, announceCheck } from "../../src/lib/content/check-verdict.ts";

const context = {} as LoaderContext;
const checkError = new Error("Content check failed: 1 problem, listed above with file, line and fix.");
const astroError = new Error("articles → impossible-date data does not match collection schema.");

/** A loader that records when it starts reading, and fails like Astro's schema check when told to. */
function watchedLoader({ fails = false } = {}) {
  const state = { read: false };
  const loader: Loader = {
    name: "test-loader",
    load: async () => {
      state.read = true;
      if (fails) throw astroError;
    },
  };
  return { loader: afterContentCheck(loader), state };
}

/** A verdict the test settles when it wants. */
function pendingCheck() {
  let pass!: () => void;
  let fail!: (error: Error) => void;
  announceCheck(
    new Promise<void>((resolve, reject) => {
      pass = resolve;
      fail = reject;
    }),
  );
  return { pass, fail };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

afterEach(() => announceCheck(Promise.resolve()));

describe("a loader after the content check", () => {
  test("reads content only once the check has passed", async () => {
    const check = pendingCheck();
    const { loader, state } = watchedLoader();
    const load = loader.load(context);
    await tick();
    expect(state.read).toBe(false);
    check.pass();
    await load;
    expect(state.read).toBe(true);
  });

  test("fails with the check's error, without reading, when the check finds mistakes", async () => {
    const check = pendingCheck();
    const { loader, state } = watchedLoader({ fails: true });
    const load = loader.load(context);
    check.fail(checkError);
    await expect(load).rejects.toBe(checkError);
    expect(state.read).toBe(false);
  });

  test("Astro's own error still stops the build when the check passed", async () => {
    pendingCheck().pass();
    await expect(watchedLoader({ fails: true }).loader.load(context)).rejects.toBe(astroError);
  });

  test("with no check running (tests, the dev server), reads at once", async () => {
    const { loader, state } = watchedLoader();
    await loader.load(context);
    expect(state.read).toBe(true);
  });
});
