/**
 * The editors' components (src/components/mdx/), rendered alone through the Astro container:
 * what each one outputs, and how each one stops the build when given something it does not accept.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parse as parseYaml } from "yaml";
import Callout from "../../src/components/mdx/Callout.astro";
import CallUs from "../../src/components/mdx/CallUs.astro";
import Checklist from "../../src/components/mdx/Checklist.astro";
import Cite from "../../src/components/mdx/Cite.astro";
import KeyFacts from "../../src/components/mdx/KeyFacts.astro";
import Term from "../../src/components/mdx/Term.astro";
import { site } from "../../src/site.config";
import { toString as textOf } from "hast-util-to-string";
import { attr, render, renderHtml } from "./render";

type Locals = App.Locals;

/** The message a render fails with; fails the test when the render succeeds. */
async function renderError(...args: Parameters<typeof renderHtml>): Promise<string> {
  try {
    const html = await renderHtml(...args);
    throw new Error(`expected the render to fail, but it produced:\n${html}`);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith("expected the render to fail")) throw error;
    return error instanceof Error ? error.message : String(error);
  }
}

const sources = [
  {
    id: "nci-second",
    title: "Getting a second opinion",
    publisher: "National Cancer Institute",
    url: "https://www.cancer.gov/a",
    year: 2024,
  },
  {
    id: "hhs-access",
    title: "Right of access",
    publisher: "HHS",
    url: "https://www.hhs.gov/b",
    accessed: new Date("2026-11-24"),
  },
  {
    id: "cms-medicare",
    title: "Second surgical opinions",
    publisher: "Medicare.gov",
    url: "https://www.medicare.gov/c",
    year: 2025,
  },
];
const pageLocals = (): Locals => ({ pageSources: sources });

const twoItems = '<ul><li>One</li><li>Two <a href="/x/">link</a></li></ul>';

describe("Callout", () => {
  test("defaults to a note labelled Note, with the slot as its body", async () => {
    const page = await render(Callout, { slots: { default: "<p>Keep your own copy.</p>" } });
    const box = page.one("div.callout");
    expect(attr(box, "className")?.split(" ")).toEqual(expect.arrayContaining(["callout", "callout--note"]));
    expect(attr(box, "role")).toBe("note");
    expect(page.text(".callout__title")).toBe("Note");
    expect(page.text(".callout__body p")).toBe("Keep your own copy.");
  });

  test.each([
    ["tip", "Tip"],
    ["warning", "Warning"],
    ["note", "Note"],
  ])("type=%s gets its own class and the default title %s", async (type, label) => {
    const page = await render(Callout, { props: { type }, slots: { default: "<p>Body</p>" } });
    const classes = attr(page.one(".callout"), "className")!.split(" ");
    expect(classes).toContain(`callout--${type}`);
    expect(classes.filter((name) => name.startsWith("callout--"))).toEqual([`callout--${type}`]);
    expect(page.text(".callout__title")).toBe(label);
  });

  test("a title replaces the default label", async () => {
    const page = await render(Callout, {
      props: { type: "tip", title: "Ask for copies for yourself" },
      slots: { default: "<p>x</p>" },
    });
    expect(page.text(".callout__title")).toBe("Ask for copies for yourself");
    expect(page.html).not.toContain(">Tip<");
  });

  test('type="danger" stops with a message naming Callout, the value and the accepted types', async () => {
    const message = await renderError(Callout, { props: { type: "danger" }, slots: { default: "<p>x</p>" } });
    expect(message).toContain("<Callout>");
    expect(message).toContain('type="danger"');
    expect(message).toContain('"note", "tip" or "warning"');
  });

  test("an empty title and an unknown prop are refused", async () => {
    const empty = await renderError(Callout, { props: { title: "  " }, slots: { default: "<p>x</p>" } });
    expect(empty).toMatch(/<Callout> got title="  "/);
    const unknown = await renderError(Callout, { props: { kind: "tip" }, slots: { default: "<p>x</p>" } });
    expect(unknown).toContain("<Callout> has no prop called `kind`");
    expect(unknown).toContain("type, title");
  });
});

describe("KeyFacts", () => {
  test('is a section labelled by its "Key points" heading, with the list inside', async () => {
    const page = await render(KeyFacts, { slots: { default: "<ul><li>First point</li><li>Second point</li></ul>" } });
    const section = page.one("section.key-facts");
    const heading = page.one("section.key-facts > h2");
    expect(attr(section, "ariaLabelledBy")).toBe(attr(heading, "id"));
    expect(page.text("h2")).toBe("Key points");
    expect(page.all("section.key-facts > ul > li")).toHaveLength(2);
    expect(page.all("section.key-facts li").map((li) => textOf(li))).toEqual(["First point", "Second point"]);
  });

  test("takes a title", async () => {
    const page = await render(KeyFacts, {
      props: { title: "What to know" },
      slots: { default: "<ul><li>a</li></ul>" },
    });
    expect(page.text("h2")).toBe("What to know");
  });

  test("refuses an unknown prop and an empty title, naming KeyFacts", async () => {
    const unknown = await renderError(KeyFacts, { props: { heading: "x" }, slots: { default: "<ul><li>a</li></ul>" } });
    expect(unknown).toContain("<KeyFacts> has no prop called `heading`");
    expect(unknown).toContain("accepts: title");
    const empty = await renderError(KeyFacts, { props: { title: "" }, slots: { default: "<ul><li>a</li></ul>" } });
    expect(empty).toContain('<KeyFacts> got title=""');
    expect(empty).toContain("a short heading text");
  });
});

describe("Checklist", () => {
  const props = { id: "my-questions", title: "My questions" };

  test("one real checkbox with a matching label per list item; links inside items are kept", async () => {
    const page = await render(Checklist, { props, slots: { default: twoItems } });
    const list = page.one("patient-checklist .checklist");
    expect(attr(page.one("patient-checklist"), "dataListId")).toBe("my-questions");
    expect(attr(list, "id")).toBe("my-questions");
    expect(attr(list, "ariaLabelledBy")).toBe("my-questions-title");
    expect(page.text("#my-questions-title")).toBe("My questions");

    const items = page.all(".checklist__item");
    expect(items).toHaveLength(2);
    const boxes = page.all('input[type="checkbox"]');
    expect(boxes).toHaveLength(2);
    const labels = page.all("label");
    expect(labels).toHaveLength(2);
    expect(boxes.map((box) => attr(box, "id"))).toEqual(["my-questions-1", "my-questions-2"]);
    expect(boxes.map((box) => attr(box, "name"))).toEqual(["my-questions-1", "my-questions-2"]);
    expect(labels.map((label) => attr(label, "htmlFor"))).toEqual(["my-questions-1", "my-questions-2"]);
    expect(page.text('label[for="my-questions-1"]')).toBe("One");
    expect(page.text('label[for="my-questions-2"]')).toBe("Two link");
    expect(attr(page.one('label[for="my-questions-2"] > a'), "href")).toBe("/x/");
    // The editor's <ul>/<li> are replaced, not nested inside the checklist.
    expect(page.all(".checklist__item ul")).toHaveLength(0);
  });

  test('has one "Clear all ticks" button and a status region for its message', async () => {
    const page = await render(Checklist, { props, slots: { default: twoItems } });
    const buttons = page.all(".checklist button");
    expect(buttons).toHaveLength(1);
    expect(page.text(".checklist button")).toBe("Clear all ticks");
    expect(attr(buttons[0]!, "type")).toMatch(/^(reset|button)$/);
    expect(page.all('.checklist [role="status"]')).toHaveLength(1);
  });

  test("no answer lines by default or with answerLines={0}", async () => {
    for (const extra of [{}, { answerLines: 0 }]) {
      const page = await render(Checklist, { props: { ...props, ...extra }, slots: { default: twoItems } });
      expect(page.all(".checklist__lines")).toHaveLength(0);
      expect(page.all(".checklist__line")).toHaveLength(0);
    }
  });

  test("answerLines={3} gives each item its own hidden-from-readers block of three lines", async () => {
    const page = await render(Checklist, { props: { ...props, answerLines: 3 }, slots: { default: twoItems } });
    const blocks = page.all(".checklist__item > .checklist__lines");
    expect(blocks).toHaveLength(2);
    for (const block of blocks) {
      expect(attr(block, "ariaHidden")).toBe("true");
      expect(block.children.filter((child) => child.type === "element")).toHaveLength(3);
    }
  });

  test("loose list items (wrapped in <p>) become plain label text", async () => {
    const page = await render(Checklist, {
      props,
      slots: { default: "<ul><li><p>Loose one</p></li><li><p>Loose two</p></li></ul>" },
    });
    expect(page.all("label p")).toHaveLength(0);
    expect(page.text('label[for="my-questions-1"]')).toBe("Loose one");
  });

  test("without an id it stops, naming Checklist and what an id must be", async () => {
    const message = await renderError(Checklist, { props: { title: "My questions" }, slots: { default: twoItems } });
    expect(message).toContain("<Checklist> needs a `id`");
    expect(message).toContain("lowercase words joined by hyphens");
  });

  test("answerLines={12} stops, naming the value and the range it accepts", async () => {
    const message = await renderError(Checklist, {
      props: { ...props, answerLines: 12 },
      slots: { default: twoItems },
    });
    expect(message).toContain("<Checklist> got answerLines=12");
    expect(message).toContain("a whole number from 0 to 6");
  });

  test("an id that is not a slug and a missing title are refused", async () => {
    const message = await renderError(Checklist, { props: { id: "My Questions" }, slots: { default: twoItems } });
    expect(message).toContain('<Checklist> got id="My Questions"');
    expect(message).toContain("<Checklist> needs a `title`");
  });

  test("without a list inside it stops and says to write one", async () => {
    const message = await renderError(Checklist, { props, slots: { default: "<p>Just a paragraph.</p>" } });
    expect(message).toContain('<Checklist id="my-questions">');
    expect(message).toContain("needs a Markdown list inside it");
  });
});

describe("CallUs", () => {
  const { phone, name } = site.organization;
  /** The number is plain text: ordinary hyphens and spaces, so find-in-page and copy match it. */
  const plain = (text: string) => text;

  test("dials the site's phone number through a tel: link, with the default lead", async () => {
    const page = await render(CallUs);
    const aside = page.one("aside.call-us");
    expect(attr(aside, "ariaLabel")).toBe(`Call ${name}`);
    const link = page.one(`a[href="tel:${phone.e164}"]`);
    expect(attr(link, "href")).toBe("tel:+18008264673");
    expect(plain(page.text(`a[href^="tel:"]`))).toBe(phone.display);
    expect(plain(page.text(".call-us__line"))).toBe(`To ask about a second opinion at ${name}, call ${phone.display}.`);
    // Plain hyphens and spaces: find-in-page and copy-paste of "800-826" must match.
    expect(page.text(`a[href^="tel:"]`)).not.toMatch(/[\u2010\u2011\u00a0]/);
  });

  test("gives the line for the hospitals the main number does not serve, with the places it serves", async () => {
    const page = await render(CallUs);
    const [regional] = site.organization.regionalLines;
    expect(regional?.serves.en).toMatch(/Arizona, Illinois and Georgia/);
    expect(page.text("aside.call-us")).toContain(`${regional!.serves.en}: ${regional!.display}.`);
    expect(attr(page.one(`aside.call-us a[href="tel:${regional!.e164}"]`), "href")).toBe("tel:+18885526760");
  });

  test("promises nothing about insurance that no source says", async () => {
    const text = (await render(CallUs)).text("aside.call-us");
    expect(text).toContain("Ask them about your insurance");
    expect(text).not.toMatch(/will pay|check whether your insurance/i);
  });

  test("the slot text starts the sentence, without a paragraph wrapper", async () => {
    const page = await render(CallUs, { slots: { default: "<p>To ask whether we can see you,</p>" } });
    expect(plain(page.text(".call-us__line"))).toBe(`To ask whether we can see you, call ${phone.display}.`);
    expect(page.all(".call-us__line p")).toHaveLength(0);
    expect(page.html).not.toContain("To ask about a second opinion");
  });

  test("an unknown prop stops, naming CallUs and saying it takes no props", async () => {
    const message = await renderError(CallUs, { props: { phone: "555-0100" } });
    expect(message).toContain("<CallUs> has no prop called `phone`");
    expect(message).toContain("takes no props");
  });
});

describe("Cite", () => {
  test("numbers itself from the order of the page's sources and links to the source", async () => {
    const page = await render(Cite, { props: { id: "cms-medicare" }, locals: pageLocals() });
    const link = page.one("sup.cite > a");
    expect(page.text("sup.cite")).toBe("[3]");
    expect(attr(link, "href")).toBe("#source-cms-medicare");
    expect(attr(link, "ariaLabel")).toBe("Source 3");
    expect(attr(link, "id")).toBe("cite-cms-medicare-1");

    const first = await render(Cite, { props: { id: "nci-second" }, locals: pageLocals() });
    expect(first.text("sup.cite")).toBe("[1]");
    expect(attr(first.one("sup.cite a"), "href")).toBe("#source-nci-second");
  });

  test("repeated citations of one source on a page get unique anchors", async () => {
    const locals = pageLocals();
    const one = await render(Cite, { props: { id: "hhs-access" }, locals });
    const other = await render(Cite, { props: { id: "nci-second" }, locals });
    const two = await render(Cite, { props: { id: "hhs-access" }, locals });
    expect(attr(one.one("sup.cite a"), "id")).toBe("cite-hhs-access-1");
    expect(attr(two.one("sup.cite a"), "id")).toBe("cite-hhs-access-2");
    expect(attr(other.one("sup.cite a"), "id")).toBe("cite-nci-second-1");
    // Both still link to the same source, with the same number.
    expect(two.text("sup.cite")).toBe("[2]");
    expect(attr(two.one("sup.cite a"), "href")).toBe("#source-hhs-access");
  });

  test("a new page (new locals) starts counting again", async () => {
    await render(Cite, { props: { id: "hhs-access" }, locals: pageLocals() });
    const fresh = await render(Cite, { props: { id: "hhs-access" }, locals: pageLocals() });
    expect(attr(fresh.one("sup.cite a"), "id")).toBe("cite-hhs-access-1");
  });

  test("an id the page's sources do not list stops, naming the id and the page's sources", async () => {
    const message = await renderError(Cite, { props: { id: "acs-stats" }, locals: pageLocals() });
    expect(message).toContain("<Cite>");
    expect(message).toContain('id="acs-stats"');
    expect(message).toContain("nci-second, hhs-access, cms-medicare");
  });

  test("used outside a page with sources it stops and says where it works", async () => {
    const message = await renderError(Cite, { props: { id: "hhs-access" }, locals: {} });
    expect(message).toContain('<Cite id="hhs-access">');
    expect(message).toContain("works only inside an article or guide");
  });

  test("without an id, or with an unknown prop, it stops naming Cite", async () => {
    expect(await renderError(Cite, { props: {}, locals: pageLocals() })).toContain("<Cite> needs a `id`");
    const unknown = await renderError(Cite, { props: { id: "hhs-access", page: 4 }, locals: pageLocals() });
    expect(unknown).toContain("<Cite> has no prop called `page`");
    expect(unknown).toContain("accepts: id");
  });
});

describe("Term", () => {
  const pathologist = parseYaml(readFileSync("content/glossary/pathologist.yaml", "utf8")) as {
    term: string;
    definition: string;
  };

  test("the first use is a button that opens a popover with the glossary definition and a link", async () => {
    const page = await render(Term, { props: { id: "pathologist" }, slots: { default: "pathologists" }, locals: {} });
    const button = page.one("button.term__button");
    expect(attr(button, "type")).toBe("button");
    expect(page.text("button")).toBe("pathologists");
    const target = attr(button, "popoverTarget") ?? attr(button, "popovertarget");
    expect(target).toBe("term-pathologist");
    const popover = page.one(`[id="${target}"]`);
    expect(popover.properties.popover ?? popover.properties.popOver).not.toBeUndefined();
    const text = page.text(`[id="${target}"]`);
    // The button already names the term; the popover gives its meaning and the way to the glossary.
    expect(text).toBe(`${pathologist.definition} More in the glossary`);
    expect(attr(page.one(`[id="${target}"] a`), "href")).toBe("/glossary/#pathologist");
  });

  test("without slot text it shows the glossary's spelling in lower case", async () => {
    const page = await render(Term, { props: { id: "pathologist" }, locals: {} });
    expect(page.text("button")).toBe(pathologist.term.toLowerCase());
  });

  test("a second use on the same page is plain text; another term still gets its button", async () => {
    const locals: Locals = {};
    const first = await render(Term, { props: { id: "pathologist" }, slots: { default: "pathologist" }, locals });
    const second = await render(Term, { props: { id: "pathologist" }, slots: { default: "Pathologists" }, locals });
    const other = await render(Term, { props: { id: "biopsy" }, slots: { default: "biopsy" }, locals });
    expect(first.all("button")).toHaveLength(1);
    expect(second.all("button, [popover], a")).toHaveLength(0);
    expect(second.html.trim()).toBe("Pathologists");
    expect(attr(other.one("button"), "popoverTarget") ?? attr(other.one("button"), "popovertarget")).toBe(
      "term-biopsy",
    );
  });

  test("an id with no glossary file stops, naming the id and the missing file", async () => {
    const message = await renderError(Term, { props: { id: "oncologistt" }, slots: { default: "x" }, locals: {} });
    expect(message).toContain("<Term>");
    expect(message).toContain('id="oncologistt"');
    expect(message).toContain("content/glossary/oncologistt.yaml does not exist");
  });

  test("an id that is not a file name, or an unknown prop, is refused naming Term", async () => {
    const bad = await renderError(Term, { props: { id: "Path Ologist" }, locals: {} });
    expect(bad).toContain('<Term> got id="Path Ologist"');
    expect(bad).toContain("content/glossary/");
    const unknown = await renderError(Term, { props: { id: "pathologist", definition: "x" }, locals: {} });
    expect(unknown).toContain("<Term> has no prop called `definition`");
  });
});
