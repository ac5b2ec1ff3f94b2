import { describe, expect, test } from "vitest";
import { BUILD_FLAGS, parseSkipList, skippedParts } from "../../src/lib/build-flags.ts";

describe("the build switches (PG_SKIP)", () => {
  test("unset or empty switch nothing off, so the site builds as it always does", () => {
    expect(parseSkipList(undefined).size).toBe(0);
    expect(parseSkipList("").size).toBe(0);
    expect(skippedParts({}).size).toBe(0);
  });

  test("take every known name, separated by commas or spaces", () => {
    expect([...parseSkipList("share-images, content-check mdx-components")]).toEqual([
      "share-images",
      "content-check",
      "mdx-components",
    ]);
    expect([...parseSkipList(Object.keys(BUILD_FLAGS).join(","))]).toEqual(Object.keys(BUILD_FLAGS));
  });

  test("reject an unknown name and list the known ones", () => {
    expect(() => parseSkipList("share-images,share-image")).toThrow(/"share-image".*content-check, share-images/);
    expect(() => skippedParts({ PG_SKIP: "everything" })).toThrow(/PG_SKIP names "everything"/);
  });
});
