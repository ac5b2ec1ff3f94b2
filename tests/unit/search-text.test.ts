import { describe, expect, test } from "vitest";
import { excerptParts, highlightWords, textFragmentUrl } from "../../src/lib/search-text";

describe("excerptParts", () => {
  test("splits marked words from plain text", () => {
    expect(excerptParts("one dose of <mark>IORT</mark> during surgery")).toEqual([
      { text: "one dose of ", marked: false },
      { text: "IORT", marked: true },
      { text: " during surgery", marked: false },
    ]);
  });
  test("decodes entities into text and drops any other markup, so nothing can run", () => {
    const parts = excerptParts('&lt;img src=x onerror=alert(1)&gt; <b>bold</b> <img src=x onerror="alert(1)"> &amp; <mark>x</mark>');
    expect(parts.map((part) => part.text).join("")).toBe("<img src=x onerror=alert(1)> bold  & x");
    expect(parts.filter((part) => part.marked).map((part) => part.text)).toEqual(["x"]);
  });
});

describe("textFragmentUrl", () => {
  test("targets the first matched word, with the word before it as a prefix", () => {
    expect(textFragmentUrl("/guides/iort/", "one dose of <mark>IORT</mark> and <mark>radiation</mark>")).toBe(
      "/guides/iort/#:~:text=of-,IORT",
    );
  });
  test("drops punctuation around the match, and the prefix when punctuation sits between", () => {
    expect(textFragmentUrl("/guides/iort/", "therapy <mark>(IORT)</mark> is")).toBe("/guides/iort/#:~:text=IORT");
    expect(textFragmentUrl("/a/", "your <mark>records.</mark> Then")).toBe("/a/#:~:text=your-,records");
  });
  test("keeps a section anchor and escapes the characters text fragments reserve", () => {
    expect(textFragmentUrl("/guides/iort/#trade-offs", "<mark>trade-offs,</mark> again")).toBe("/guides/iort/#trade-offs:~:text=trade%2Doffs");
    expect(textFragmentUrl("/a/#b", "an <mark>NCI-designated</mark> center")).toBe("/a/#b:~:text=an-,NCI%2Ddesignated");
  });
  test("leaves the URL alone when nothing is marked", () => {
    expect(textFragmentUrl("/guides/iort/", "no marks here")).toBe("/guides/iort/");
  });
});

describe("highlightWords", () => {
  test("marks words starting with a query word, escaping everything else", () => {
    expect(highlightWords("Your right to <copies> of records, and fees.", "record fee")).toBe(
      "Your right to &lt;copies&gt; of <mark>records,</mark> and <mark>fees.</mark>",
    );
  });
  test("ignores one-letter query words", () => {
    expect(highlightWords("a b c", "a")).toBe("a b c");
  });
});
