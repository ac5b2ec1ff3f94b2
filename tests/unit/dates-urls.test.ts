import { describe, expect, test } from "vitest";
import { siteUrl } from "../../src/lib/site-url";
import { daysBetween, formatDate, formatMonth, isoDay, today } from "../../src/lib/dates";
import { withBase, withoutBase } from "../../src/lib/urls";

describe("dates", () => {
  test("a calendar date never shifts with the time zone", () => {
    const date = new Date("2014-06-16T00:00:00Z");
    expect(formatDate(date)).toBe("June 16, 2014");
    expect(isoDay(date)).toBe("2014-06-16");
    expect(formatMonth(new Date("2027-11-24T00:00:00Z"))).toBe("November 2027");
  });
  test("today drops the hour; days between dates", () => {
    expect(isoDay(today(new Date("2026-11-24T23:30:00Z")))).toBe("2026-11-24");
    expect(daysBetween(new Date("2026-01-01"), new Date("2026-03-02"))).toBe(60);
  });
});

describe("base path", () => {
  test("root-relative paths get the base; others are left alone", () => {
    expect(withBase("/guides/", "/")).toBe("/guides/");
    expect(withBase("/guides/", "/patient-guides/")).toBe("/patient-guides/guides/");
    expect(withBase("/guides/", "/patient-guides")).toBe("/patient-guides/guides/");
    expect(withBase("https://example.org/", "/x/")).toBe("https://example.org/");
    expect(withBase("#sources", "/x/")).toBe("#sources");
  });
  test("withoutBase undoes withBase", () => {
    expect(withoutBase("/patient-guides/guides/", "/patient-guides/")).toBe("/guides/");
    expect(withoutBase("/patient-guides/", "/patient-guides/")).toBe("/");
    expect(withoutBase("/guides/", "/")).toBe("/guides/");
  });
});

describe("the site's public address", () => {
  test("comes from SITE_URL when set", () => {
    expect(siteUrl({ SITE_URL: "https://guides.example.org" })).toBe("https://guides.example.org");
  });
  test("is the local preview's address for a local build", () => {
    expect(siteUrl({})).toBe("http://localhost:4321");
  });
  test("a deploy build without SITE_URL stops with a message saying what to set", () => {
    expect(() => siteUrl({ DEPLOY: "1" })).toThrow(/SITE_URL is not set.*public address/);
  });
});
