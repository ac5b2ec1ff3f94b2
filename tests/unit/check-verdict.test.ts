/**
 * The content loaders beside the content check that runs while Astro builds
 * (src/lib/content/check-verdict.ts): a loader does not wait for the check (the pages do:
 * content-guard.ts), but when Astro's own check of a file fails, the editor reads the check's
 * list of mistakes, not Astro's own error for the same file.
 */
import { afterEach, describe, expect, test } from "vitest";
import type { Loader, LoaderContext } from "astro/loaders";
import { afterContentCheck, announceCheck } from "../../src/lib/content/check-verdict.ts";

const context = {} as LoaderContext;
const checkError = new Error("Content check failed: 1 problem, listed above with file, line and fix.");
const astroError = new Error("articles → impossible-date data does not match collection schema.");

/** A loader that records when it has read, and fails like Astro's schema check when told to. */
function watchedLoader({ fails = false } = {}) {
  const state = { read: false };
  const loader: Loader = {
    name: "test-loader",
    load: async () => {
      if (fails) throw astroError;
      state.read = true;
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
  test("reads beside the check, and is done without waiting for it", async () => {
    pendingCheck();
    const { loader, state } = watchedLoader();
    await loader.load(context);
    expect(state.read).toBe(true);
  });

  test("a loader that read its files is done even when the check finds mistakes (the pages wait instead)", async () => {
    const check = pendingCheck();
    check.fail(checkError);
    await expect(watchedLoader().loader.load(context)).resolves.toBeUndefined();
  });

  test("fails with the check's error, not Astro's, when Astro's own check of the file failed first", async () => {
    const check = pendingCheck();
    const load = watchedLoader({ fails: true }).loader.load(context);
    let settled = false;
    load
      .catch(() => undefined)
      .finally(() => {
        settled = true;
      });
    await tick();
    expect(settled).toBe(false);
    check.fail(checkError);
    await expect(load).rejects.toBe(checkError);
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
