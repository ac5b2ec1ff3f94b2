import { parseMdx, wordCount } from "../../src/lib/content";
import { describe, expect, test } from "vitest";
import { byNewest, isVisible, lastChanged, readingMinutes, relatedPosts, type PostRef } from "../../src/lib/posts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const post = (
  id: string,
  overrides: Partial<PostRef["data"]> = {},
  collection: PostRef["collection"] = "guides",
): PostRef => ({
  collection,
  id,
  data: { title: id, description: "", published: day("2026-01-01"), draft: false, topics: [], ...overrides },
});

describe("isVisible", () => {
  const now = day("2026-11-24");
  test("a published post is visible", () => {
    expect(isVisible(post("a").data, { now, includeUnpublished: false })).toBe(true);
  });
  test("a draft is hidden from the build", () => {
    expect(isVisible(post("a", { draft: true }).data, { now, includeUnpublished: false })).toBe(false);
  });
  test("a post dated later than today is scheduled, not built", () => {
    expect(isVisible(post("a", { published: day("2026-11-25") }).data, { now, includeUnpublished: false })).toBe(false);
  });
  test("a post dated today is published, whatever the hour", () => {
    const lateEvening = new Date("2026-11-24T23:59:00Z");
    expect(
      isVisible(post("a", { published: day("2026-11-24") }).data, { now: lateEvening, includeUnpublished: false }),
    ).toBe(true);
  });
  test("dev shows drafts and scheduled posts", () => {
    const draft = post("a", { draft: true, published: day("2030-01-01") });
    expect(isVisible(draft.data, { now, includeUnpublished: true })).toBe(true);
  });
});

describe("ordering", () => {
  test("newest last change first; updated counts over published", () => {
    const old = post("old", { published: day("2014-06-16"), updated: day("2026-11-24") });
    const mid = post("mid", { published: day("2025-05-01") });
    const early = post("early", { published: day("2020-01-01") });
    expect([early, mid, old].sort(byNewest).map((p) => p.id)).toEqual(["old", "mid", "early"]);
    expect(lastChanged(old.data)).toEqual(day("2026-11-24"));
  });
  test("same date falls back to title order so lists are stable", () => {
    expect([post("b"), post("a")].sort(byNewest).map((p) => p.id)).toEqual(["a", "b"]);
  });
});

describe("relatedPosts", () => {
  const t = (...ids: string[]) => ids.map((id) => ({ id }));
  const current = post("records", { topics: t("medical-records", "second-opinions") });
  const candidates = [
    current,
    post("questions", { topics: t("second-opinions") }),
    post("insurance", { topics: t("insurance") }),
    post("pathology", { topics: t("medical-records", "second-opinions") }),
    post("article", { topics: t("second-opinions", "medical-records") }, "articles"),
  ];
  test("shares a topic, most shared first, never itself, never unrelated", () => {
    const ids = relatedPosts(current, candidates).map((p) => p.id);
    expect(ids).not.toContain("records");
    expect(ids).not.toContain("insurance");
    expect(ids[0]).toBe("pathology");
    expect(ids).toEqual(["pathology", "article", "questions"]);
  });
  test("equal scores keep the candidates' newest-first order", () => {
    const a = post("a", { topics: t("insurance") });
    const newer = post("newer", { topics: t("insurance") });
    const older = post("older", { topics: t("insurance") });
    expect(relatedPosts(a, [newer, older]).map((p) => p.id)).toEqual(["newer", "older"]);
    expect(relatedPosts(a, [older, newer]).map((p) => p.id)).toEqual(["older", "newer"]);
  });
  test("respects the limit", () => {
    expect(relatedPosts(current, candidates, 1)).toHaveLength(1);
  });
  test("stops reading once the limit is filled with posts no later one can beat (not every post per page)", () => {
    const closest = [1, 2, 3, 4].map((n) => post(`closest-${n}`, { topics: t("medical-records", "second-opinions") }));
    const unread = {
      collection: "guides",
      id: "unread",
      get data(): PostRef["data"] {
        throw new Error("read a candidate after four perfect matches");
      },
    } as PostRef;
    expect(
      relatedPosts(current, [...closest, unread, post("late", { topics: t("medical-records") })]).map((p) => p.id),
    ).toEqual(closest.map((p) => p.id));
    // Short of the highest score, every candidate is still read: a later post may score higher.
    const partial = [1, 2, 3, 4].map((n) => post(`partial-${n}`, { topics: t("second-opinions") }));
    const best = post("best", { topics: t("medical-records", "second-opinions") });
    expect(relatedPosts(current, [...partial, best]).map((p) => p.id)[0]).toBe("best");
  });
});

describe("reading time", () => {
  test("counts words, not markup", () => {
    const body =
      '## A heading\n\nSome words here.<Cite id="x" /> A [link](/guides/a/) too.\n\n<Callout type="tip">\nTwo more\n</Callout>';
    expect(wordCount(parseMdx(body).tree)).toBe(10);
  });
  test("a word is a run between spaces with a letter or digit in it, in any script", () => {
    // Not words: a dash alone, "..." alone. Words: "1,000", "(biopsy)", "día", "𝐀𝐁", "患者", "well-known".
    const body = "A — well-known ... (biopsy) on día 1,000: 𝐀𝐁 患者\u00a0-x- !?";
    expect(wordCount(parseMdx(body).tree)).toBe(9);
  });
  test("at least one minute, about 200 words a minute", () => {
    expect(readingMinutes(10)).toBe(1);
    expect(readingMinutes(1000)).toBe(5);
  });
});
