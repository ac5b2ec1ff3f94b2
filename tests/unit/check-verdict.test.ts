/**
 * The content loaders wait for the content check that runs beside them in a build
 * (src/lib/content/check-verdict.ts): no loader returns before the verdict, and an editor reads
 * the check's list of mistakes, not Astro's own error for the same file.
 */
import { afterEach, describe, expect, test } from "vitest";
import type { Loader, LoaderContext } from "astro/loaders";
import { afterContentCheck, announceCheck } from "../../src/lib/content/check-verdict.ts";

const context = {} as LoaderContext;
const loader = (load: () => Promise<void>): Loader => ({ name: "test-loader", load });
const checkError = new Error("Content check failed: 1 problem, listed above with file, line and fix.");
const astroError = new Error("articles → impossible-date data does not match collection schema.");

/** A verdict the test settles when it wants. */
function pendingCheck() {
  let pass!: () => void;
  let fail!: (error: Error) => void;
  const verdict = new Promise<void>((resolve, reject) => {
    pass = resolve;
    fail = reject;
  });
  announceCheck(verdict);
  return { pass, fail };
}

afterEach(() => announceCheck(Promise.resolve()));

describe("a loader after the content check", () => {
  test("returns only once the check has passed", async () => {
    const check = pendingCheck();
    let loaded = false;
    let returned = false;
    const load = afterContentCheck(loader(async () => void (loaded = true))).load(context);
    void load.then(() => (returned = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(loaded).toBe(true);
    expect(returned).toBe(false);
    check.pass();
    await load;
    expect(returned).toBe(true);
  });

  test("fails with the check's error when the check finds mistakes", async () => {
    const check = pendingCheck();
    const load = afterContentCheck(loader(async () => undefined)).load(context);
    check.fail(checkError);
    await expect(load).rejects.toBe(checkError);
  });

  test("when Astro's own error comes first, waits and fails with the check's error", async () => {
    const check = pendingCheck();
    const load = afterContentCheck(
      loader(async () => {
        throw astroError;
      }),
    ).load(context);
    setTimeout(() => check.fail(checkError), 20);
    await expect(load).rejects.toBe(checkError);
  });

  test("Astro's own error stands when the check passed", async () => {
    const check = pendingCheck();
    check.pass();
    const load = afterContentCheck(
      loader(async () => {
        throw astroError;
      }),
    ).load(context);
    await expect(load).rejects.toBe(astroError);
  });

  test("with no check running (tests, the dev server), loads at once", async () => {
    await expect(afterContentCheck(loader(async () => undefined)).load(context)).resolves.toBeUndefined();
  });
});
