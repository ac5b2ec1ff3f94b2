import { describe, expect, test } from "vitest";
import {
  boundaryBefore,
  contentWords,
  excerptParts,
  highlightParts,
  openingLength,
  pageSections,
  passages,
  textFragmentUrl,
  type Anchor,
  type ExcerptPart,
  type Section,
} from "../../src/lib/search-text";

const text = (parts: readonly ExcerptPart[]) =>
  parts.map((part) => (part.marked ? `[${part.text}]` : part.text)).join("");

describe("excerptParts", () => {
  test("splits marked words from plain text", () => {
    expect(excerptParts("one dose of <mark>IORT</mark> during surgery")).toEqual([
      { text: "one dose of ", marked: false },
      { text: "IORT", marked: true },
      { text: " during surgery", marked: false },
    ]);
  });
  test("decodes entities into text and drops any other markup, so nothing can run", () => {
    const parts = excerptParts(
      '&lt;img src=x onerror=alert(1)&gt; <b>bold</b> <img src=x onerror="alert(1)"> &amp; <mark>x</mark>',
    );
    expect(parts.map((part) => part.text).join("")).toBe("<img src=x onerror=alert(1)> bold  & x");
    expect(parts.filter((part) => part.marked).map((part) => part.text)).toEqual(["x"]);
  });
});

describe("highlightParts", () => {
  test("marks words starting with a search word, punctuation left plain; text stays text", () => {
    expect(text(highlightParts("Your right to <copies> of records, and fees.", ["record", "fee"]))).toBe(
      "Your right to <copies> of [records], and [fees].",
    );
  });
  test("ignores one-letter search words", () => {
    expect(text(highlightParts("a b c", ["a"]))).toBe("a b c");
  });
  test("marks words whatever their accents", () => {
    expect(text(highlightParts("Cómo obtener su historial médico.", ["medico", "historial"]))).toBe(
      "Cómo obtener su [historial] [médico].",
    );
    expect(text(highlightParts("Radioterapia intraoperatoria (IORT)", ["intraoperatória"]))).toBe(
      "Radioterapia [intraoperatoria] (IORT)",
    );
  });
});

// A page as Pagefind indexes it: hidden keywords, title, summary, then the body with headings.
const content = [
  "HIPAA request, copies of records.",
  "Getting your medical records.",
  "Your right to copies, and what it costs.",
  "This guide explains your rights. Key points. You have a right to copies of your records.",
  "How to ask. Write to the office, and keep a copy of your letter. The office must answer within 30 days.",
  "What it may cost. The office may charge a fee for copies, but only a reasonable one.",
].join(" ");
const words = contentWords(content);
const at = (word: string, from = 0) =>
  words.findIndex((candidate, index) => index >= from && candidate.replace(/\W/g, "") === word);
const anchors: Anchor[] = [
  { element: "h2", id: "key-points", text: "Key points", location: at("Key") },
  { element: "h2", id: "how-to-ask", text: "How to ask", location: at("How") },
  { element: "h2", id: "cost", text: "What it may cost", location: at("What", at("How")) },
  { element: "div", id: "not-a-heading", text: "", location: at("office") },
];
const meta = { title: "Getting your medical records", description: "Your right to copies, and what it costs." };
const opening = openingLength(words, meta);
const sections = pageSections(words, anchors, opening, meta.title);

describe("openingLength and pageSections", () => {
  test("the page's own text starts after the keywords, title and summary", () => {
    expect(words[opening]).toBe("This");
    expect(openingLength(words, { title: meta.title })).toBe(at("Your"));
    expect(openingLength(words, {})).toBe(0);
  });
  test("sections follow the headings (h2 to h6 with text), after the text before the first one", () => {
    expect(sections.map((section) => [section.id, section.title, words[section.textStart]])).toEqual([
      [undefined, "Getting your medical records", "This"],
      ["key-points", "Key points", "You"],
      ["how-to-ask", "How to ask", "Write"],
      ["cost", "What it may cost", "The"],
    ]);
  });
});

describe("passages", () => {
  test("the best section first: most distinct search words, then most matches", () => {
    const found = passages(
      words,
      sections,
      new Map([
        [0, [at("copies", opening), at("copy"), at("copies", at("charge"))]],
        [1, [at("fee")]],
      ]),
      { length: 12 },
    );
    expect(found.map((passage) => passage.section.id)).toEqual(["cost", "key-points", "how-to-ask"]);
    expect(text(found[0]!.parts)).toBe("The office may charge a [fee] for [copies], but only a reasonable one.");
  });
  test("an excerpt starts where its sentence starts, and says when it is cut", () => {
    const [passage] = passages(words, sections, new Map([[0, [at("letter")]]]), { length: 6 });
    expect(text(passage!.parts)).toBe("Write to the office, and keep a copy of your [letter].");
    const long = contentWords(`Intro. Heading. ${"one two three four five six seven eight nine ten ".repeat(3)}end.`);
    const whole: Section = { id: "h", title: "Heading", start: 1, textStart: 2, end: long.length };
    const [cut] = passages(long, [whole], new Map([[0, [long.indexOf("three")]]]), { length: 5 });
    expect(text(cut!.parts)).toBe("one two [three] four five …");
    // It runs on a few words to finish its sentence.
    const [short] = passages(words, sections, new Map([[0, [at("office", at("letter"))]]]), { length: 4 });
    expect(text(short!.parts)).toBe("The [office] must answer within 30 days.");
  });
  test("never quotes the opening (keywords, title, summary)", () => {
    expect(passages(words, sections, new Map([[0, [at("HIPAA")]]]), { length: 12 })).toEqual([]);
  });
  test("a section whose heading alone matches shows the start of its text", () => {
    const [passage] = passages(words, sections, new Map([[0, [at("ask")]]]), { length: 8 });
    expect(passage?.section.id).toBe("how-to-ask");
    expect(text(passage!.parts)).toBe("Write to the office, and keep a copy of your letter.");
    expect(passage?.target).toBeUndefined();
  });
  test("the link's target is the first match in the text, with words from its sentence around it", () => {
    const [passage] = passages(words, sections, new Map([[0, [at("letter")]]]), { length: 20 });
    expect(passage?.target).toEqual({ prefix: "of your", text: "letter", suffix: "" });
    const [fee] = passages(words, sections, new Map([[0, [at("fee")]]]), { length: 20 });
    expect(fee?.target).toEqual({ prefix: "charge a", text: "fee", suffix: "for" });
  });
  test("the link prefers the reader's own words to a synonym's", () => {
    const matches = new Map([[0, [at("fee"), at("copies", at("charge"))]]]);
    const [passage] = passages(words, sections, matches, {
      length: 20,
      preferred: new Set([at("copies", at("charge"))]),
    });
    expect(passage?.target?.text).toBe("copies");
  });
  test("a short section (a glossary entry) shows whole, from its start", () => {
    const entry = contentWords("Deductible. The amount you pay each year. Also called: Part B deductible.");
    const section: Section = { id: undefined, title: "Deductible", start: 1, textStart: 1, end: entry.length };
    const [passage] = passages(entry, [section], new Map([[0, [entry.length - 1]]]), { length: 80 });
    expect(text(passage!.parts)).toBe("The amount you pay each year. Also called: Part B [deductible].");
  });
});

describe("boundaryBefore", () => {
  const sentence = contentWords("First part. Then a long clause, and then the word we want is here");
  test("goes back to the start of the sentence, else of the clause, else stays", () => {
    expect(sentence[boundaryBefore(sentence, sentence.indexOf("want"), 0)]).toBe("Then");
    const long = contentWords(`${"word ".repeat(20)}clause, ${"more ".repeat(10)}target`);
    expect(long[boundaryBefore(long, long.indexOf("target"), 0)]).toBe("more");
    const none = contentWords(`${"word ".repeat(30)}target`);
    expect(none[boundaryBefore(none, none.indexOf("target"), 0)]).toBe("target");
  });
});

describe("textFragmentUrl", () => {
  test("asks the browser for the word with its context, escaping the characters text fragments reserve", () => {
    expect(
      textFragmentUrl("/guides/iort/#what-iort-is", { prefix: "one dose of", text: "IORT", suffix: "during" }),
    ).toBe("/guides/iort/#what-iort-is:~:text=one%20dose%20of-,IORT,-during");
    expect(textFragmentUrl("/a/", { prefix: "", text: "NCI-designated", suffix: "" })).toBe(
      "/a/#:~:text=NCI%2Ddesignated",
    );
    expect(textFragmentUrl("/a/#b", { prefix: "costs,", text: "fees", suffix: "" })).toBe(
      "/a/#b:~:text=costs%2C-,fees",
    );
  });
  test("leaves the URL alone without a target", () => {
    expect(textFragmentUrl("/guides/iort/", undefined)).toBe("/guides/iort/");
  });
});
