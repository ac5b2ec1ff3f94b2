/**
 * The guides and the article as readers use them: sections and sources, citations that link both
 * ways, glossary terms, checklists that remember ticks, the printed page, and links between pages.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { parse as parseYaml } from "yaml";
import { bodyNodes, isJsx, readMdx } from "../../src/lib/content/index.ts";
import { displayUrl } from "../../src/lib/urls.ts";
import { largeText, publishedIds, sourcePost } from "./site";

const guides = publishedIds("guides").map((id) => sourcePost("guides", id));
const articles = publishedIds("articles").map((id) => sourcePost("articles", id));
const posts = [...articles, ...guides];
const CHECKLIST_PATH = "/guides/questions-to-ask/";

interface JsxUse {
  name: string;
  attributes: Record<string, string>;
}

/** Every editor component used in a post's MDX, in source order, with its attributes as text. */
function componentUses(path: string): JsxUse[] {
  const { tree } = readMdx(resolve(`content${path.replace(/\/$/, "")}.mdx`));
  return bodyNodes(tree).flatMap((node) => {
    if (!isJsx(node) || !node.name) return [];
    const attributes: Record<string, string> = {};
    for (const attribute of node.attributes) {
      if (attribute.type !== "mdxJsxAttribute") continue;
      const value = attribute.value;
      attributes[attribute.name] = typeof value === "string" ? value : (value?.value ?? "true");
    }
    return [{ name: node.name, attributes }];
  });
}

/** Waits until the checklist script has upgraded the lists, so ticks are saved and restored. */
async function checklistScriptReady(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => customElements.get("patient-checklist") !== undefined), {
      message: "the checklist script (which saves and restores ticks) runs on the page",
      timeout: 10_000,
    })
    .toBe(true);
}

const checkedNames = (page: Page) =>
  page
    .locator('.checklist input[type="checkbox"]:checked')
    .evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).name));

test.describe("every guide", () => {
  test("there are guides to check", () => {
    expect(guides.length).toBeGreaterThanOrEqual(3);
  });

  for (const guide of guides) {
    test(`${guide.path} shows its title, its sections and all its sources`, async ({ page }) => {
      await page.goto(guide.path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(guide.data.title);
      expect(guide.sections.length, `${guide.path} has ## sections in its source`).toBeGreaterThanOrEqual(2);
      await expect(page.locator(".prose > h2")).toHaveText(guide.sections);

      const sources = page.getByRole("region", { name: "Sources" });
      await expect(sources).toBeVisible();
      const items = sources.getByRole("listitem");
      expect(guide.data.sources.length).toBeGreaterThanOrEqual(3);
      await expect(items).toHaveCount(guide.data.sources.length);
      for (const [index, source] of guide.data.sources.entries()) {
        await expect(items.nth(index)).toHaveId(`source-${source.id}`);
        await expect(items.nth(index).getByRole("link", { name: displayUrl(source.url), exact: true })).toHaveAttribute(
          "href",
          source.url,
        );
      }
    });
  }
});

test.describe("citations link to their sources and back", () => {
  for (const post of posts) {
    test(`${post.path}: every [n] points at source n, and every "Back to text" at its first citation`, async ({
      page,
    }) => {
      await page.goto(post.path);
      const citations = await page
        .locator("sup.cite a")
        .evaluateAll((links) =>
          links.map((a) => ({ id: a.id, href: a.getAttribute("href") ?? "", text: a.textContent?.trim() ?? "" })),
        );
      expect(citations.length, `${post.path} has no citations`).toBeGreaterThan(0);

      const sourceIds = await page.locator(".sources ol > li").evaluateAll((items) => items.map((li) => li.id));
      expect(sourceIds).toEqual(post.data.sources.map((source) => `source-${source.id}`));

      const problems: string[] = [];
      const anchors = new Set<string>();
      const citingPlaces = new Map<string, string[]>();
      for (const citation of citations) {
        const target = citation.href.replace(/^#/, "");
        const position = sourceIds.indexOf(target);
        if (!citation.href.startsWith("#") || position === -1)
          problems.push(`${citation.text} links to ${citation.href}, not a listed source`);
        else if (citation.text !== `[${position + 1}]`)
          problems.push(`${citation.text} links to ${citation.href}, which is source ${position + 1}`);
        if (!citation.id) problems.push(`${citation.text} (${citation.href}) has no anchor id`);
        else if (anchors.has(citation.id)) problems.push(`anchor id ${citation.id} is used twice`);
        anchors.add(citation.id);
        citingPlaces.set(target, [...(citingPlaces.get(target) ?? []), `#${citation.id}`]);
      }
      expect(problems, post.path).toEqual([]);

      const backLinks = await page
        .locator(".sources ol > li .sources__back")
        .evaluateAll((links) =>
          links.map((a) => ({ source: a.closest("li")?.id ?? "", href: a.getAttribute("href") ?? "" })),
        );
      // Every citing place has its own way back, in text order, and only cited sources link back.
      const backsBySource = new Map<string, string[]>();
      for (const link of backLinks)
        backsBySource.set(link.source, [...(backsBySource.get(link.source) ?? []), link.href]);
      expect([...backsBySource.keys()].sort()).toEqual([...citingPlaces.keys()].sort());
      for (const [source, hrefs] of backsBySource) {
        expect(hrefs, `"Back to text" links of ${source} go to each citing place`).toEqual(citingPlaces.get(source));
        for (const href of hrefs) await expect(page.locator(`sup.cite a${href}`)).toHaveCount(1);
      }
    });
  }

  test("following a citation and its way back returns the reader to that exact citing place", async ({ page }) => {
    const guide = guides.find((post) => post.path === CHECKLIST_PATH) ?? guides[0]!;
    await page.goto(guide.path);
    // A later citation of a source cited more than once: "back" must not jump to the first one.
    const citation = page.locator('sup.cite a[id$="-2"]').first();
    const href = (await citation.getAttribute("href"))!;
    const citationId = (await citation.getAttribute("id"))!;
    const source = page.locator(href);

    await citation.click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(source).toBeInViewport();
    // The keyboard carries on from the source: the next Tab lands inside that entry.
    await page.keyboard.press("Tab");
    expect(await page.evaluate((id) => document.activeElement?.closest(`li#${id}`) !== null, href.slice(1))).toBe(true);

    await source.getByRole("link", { name: /^Source \d+, citation 2$/ }).click();
    await expect(page).toHaveURL(new RegExp(`#${citationId}$`));
    await expect(page.locator(`#${citationId}`)).toBeFocused();
    await expect(page.locator(`#${citationId}`)).toBeInViewport();
  });

  test("citation links are at least 24 x 24 px (WCAG 2.2 target size)", async ({ page }) => {
    await page.goto(posts[0]!.path);
    const sizes = await page.locator("sup.cite a, .sources__back").evaluateAll((links) =>
      links.map((a) => {
        const box = a.getBoundingClientRect();
        return { text: a.textContent, width: Math.round(box.width), height: Math.round(box.height) };
      }),
    );
    expect(sizes.length).toBeGreaterThan(5);
    expect(sizes.filter((size) => size.width < 24 || size.height < 24)).toEqual([]);
  });
});

test.describe("glossary terms", () => {
  for (const post of posts) {
    test(`${post.path}: every term opens its definition, closes with Escape, and its glossary entry exists`, async ({
      page,
    }) => {
      test.slow(); // opens and closes every term on the page, one by one
      const termIds = [
        ...new Set(
          componentUses(post.path)
            .filter((use) => use.name === "Term")
            .map((use) => use.attributes.id!),
        ),
      ];
      await page.goto(post.path);
      const buttons = page.locator("button.term__button");
      // The first use of each term is a button; later uses are plain text.
      await expect(buttons).toHaveCount(termIds.length);

      const entries: Array<{ id: string; term: string }> = [];
      for (const button of await buttons.all()) {
        const target = (await button.getAttribute("popovertarget"))!;
        expect(target).toMatch(/^term-/);
        const id = target.replace(/^term-/, "");
        expect(termIds).toContain(id);
        const popover = page.locator(`[id="${target}"]`);

        await expect(popover).toBeHidden();
        await button.scrollIntoViewIfNeeded();
        await button.click();
        await expect(popover, `${post.path}: term ${id} opens`).toBeVisible();
        const link = popover.getByRole("link", { name: "More in the glossary" });
        await expect(link).toHaveAttribute("href", `/glossary/#${id}`);
        const glossary = parseYaml(readFileSync(`content/glossary/${id}.yaml`, "utf8")) as {
          term: string;
          definition: string;
        };
        await expect(popover).toContainText(glossary.definition);
        entries.push({ id, term: glossary.term });

        await page.keyboard.press("Escape");
        await expect(popover, `${post.path}: term ${id} closes with Escape`).toBeHidden();
      }

      await page.goto("/glossary/");
      for (const entry of entries) {
        const target = page.locator(`[id="${entry.id}"]`);
        await expect(target, `/glossary/ has an entry with id ${entry.id}`).toHaveCount(1);
        await expect(target.locator("dt")).toHaveText(entry.term);
      }
    });
  }

  test("a term is reached with Tab, opens with Enter, and its glossary link works", async ({ page }) => {
    await page.goto(CHECKLIST_PATH);
    const button = page.locator("button.term__button").first();
    const target = (await button.getAttribute("popovertarget"))!;
    const id = target.replace(/^term-/, "");
    let reached = false;
    for (let presses = 0; presses < 200 && !reached; presses++) {
      await page.keyboard.press("Tab");
      reached = await button.evaluate((element) => element === document.activeElement);
    }
    expect(reached, "Tab reaches the first term button").toBe(true);

    await page.keyboard.press("Enter");
    const popover = page.locator(`[id="${target}"]`);
    await expect(popover).toBeVisible();
    // The definition comes next in the tab order, so its glossary link is one Tab away.
    await page.keyboard.press("Tab");
    const link = popover.getByRole("link", { name: "More in the glossary" });
    await expect(link).toBeFocused();

    await page.keyboard.press("Escape");
    await expect(popover).toBeHidden();
    await expect(button).toBeFocused();

    await page.keyboard.press("Enter");
    await expect(popover).toBeVisible();
    await popover.getByRole("link", { name: "More in the glossary" }).click();
    await expect(page).toHaveURL(new RegExp(`/glossary/#${id}$`));
    await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
  });
});

test.describe("glossary pop-ups on a phone with large text", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  // A definition taller than this screen at 200% text.
  const longDefinition = (page: Page) => page.locator("button.term__button", { hasText: "Medicare Advantage" }).first();
  test.beforeEach(async ({ page }) => {
    await largeText(page);
    await page.goto("/guides/insurance/");
  });

  test("a definition taller than the screen scrolls inside its box, on screen, to its glossary link", async ({
    page,
  }) => {
    const button = longDefinition(page);
    await button.click();
    const popover = page.locator(`[id="${await button.getAttribute("popovertarget")}"]`);
    await expect(popover).toBeVisible();
    const box = (await popover.boundingBox())!;
    expect(box.y, "top on screen").toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, "bottom on screen").toBeLessThanOrEqual(844);
    // Taller than the screen at this size: it scrolls, and the link at its end can be reached.
    expect(await popover.evaluate((element) => element.scrollHeight > element.clientHeight)).toBe(true);
    const link = popover.getByRole("link", { name: "More in the glossary" });
    await link.scrollIntoViewIfNeeded();
    await expect(link).toBeInViewport();
  });

  test("when keyboard focus moves on past an open definition, it steps aside, and comes back with focus", async ({
    page,
  }) => {
    const button = longDefinition(page);
    await button.focus();
    await page.keyboard.press("Enter");
    const popover = page.locator(`[id="${await button.getAttribute("popovertarget")}"]`);
    await expect(popover).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(popover.getByRole("link", { name: "More in the glossary" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(popover, "out of the way of what has focus").toBeHidden();
    const focused = page.locator(":focus");
    await expect(focused).toBeVisible();
    await page.keyboard.press("Shift+Tab");
    await expect(popover).toBeVisible();
  });
});

test("on a phone at 200% text, a phone number breaks only when it is wider than its line", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await largeText(page);
  for (const path of ["/guides/clinical-trials/", "/es/guides/clinical-trials/", "/about/"]) {
    await page.goto(path);
    const numbers = await page.locator('a[href^="tel:"]').evaluateAll((links) =>
      links.map((link) => {
        // The lines its text is on (an inline block's own box is one rectangle however it wraps).
        const text = document.createRange();
        text.selectNodeContents(link);
        const lines = new Set([...text.getClientRects()].map((line) => Math.round(line.top))).size;
        const line = link.parentElement!;
        const room = line.clientWidth - Number.parseFloat(getComputedStyle(line).paddingInline || "0") * 2;
        link.style.whiteSpace = "nowrap";
        const width = link.getBoundingClientRect().width;
        link.style.whiteSpace = "";
        return { number: link.textContent, lines, fits: width <= room };
      }),
    );
    expect(numbers.filter((number) => number.fits).length, path).toBeGreaterThan(1);
    for (const { number, lines, fits } of numbers) if (fits) expect(lines, `${path}: ${number}`).toBe(1);
  }
});

test("printing follows the reader's text size: 10 pt by default, twice that at 200%", async ({ context }) => {
  const printedSize = async (large: boolean) => {
    const page = await context.newPage();
    if (large) await largeText(page);
    // Print media through the same protocol as the text size: Playwright's emulateMedia did not
    // hold beside the font-size setting.
    await (await context.newCDPSession(page)).send("Emulation.setEmulatedMedia", { media: "print" });
    await page.goto("/guides/iort/");
    return page
      .locator(".prose p")
      .first()
      .evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
  };
  expect(await printedSize(false)).toBeCloseTo((10 * 96) / 72, 1);
  expect(await printedSize(true)).toBeCloseTo((20 * 96) / 72, 1);
});

test.describe("the checklist page", () => {
  test("remembers ticks across a reload, for this page only", async ({ page, context }) => {
    await page.goto(CHECKLIST_PATH);
    await checklistScriptReady(page);
    const boxes = page.locator('.checklist input[type="checkbox"]');
    expect(await boxes.count()).toBeGreaterThan(4);
    expect(await checkedNames(page)).toEqual([]);

    const first = page.getByRole("checkbox").nth(0);
    const fourth = page.getByRole("checkbox").nth(3);
    await first.check();
    await fourth.check();
    const ticked = [await first.getAttribute("name"), await fourth.getAttribute("name")];

    // Stored in this browser, under a key naming this page (and the list).
    const listIds = await page.locator(".checklist").evaluateAll((lists) => lists.map((list) => list.id));
    const keys = await page.evaluate(() => Object.keys(localStorage));
    const listKeys = keys.filter((key) => listIds.some((id) => key.includes(id)));
    expect(listKeys.length, `a stored key names a list; keys: ${keys.join(", ")}`).toBeGreaterThan(0);
    for (const key of listKeys) expect(key).toContain(CHECKLIST_PATH);

    await page.reload();
    await checklistScriptReady(page);
    await expect(first).toBeChecked();
    await expect(fourth).toBeChecked();
    expect((await checkedNames(page)).sort()).toEqual([...ticked].sort());

    // A fresh visit (not a reload, so no form restore by the browser) still shows them.
    const again = await context.newPage();
    await again.goto(CHECKLIST_PATH);
    await checklistScriptReady(again);
    await expect(again.locator(`input[name="${ticked[0]}"]`)).toBeChecked();
    await expect(again.locator(`input[name="${ticked[1]}"]`)).toBeChecked();
    expect((await checkedNames(again)).sort()).toEqual([...ticked].sort());

    // Another page with checklists shows none of these ticks.
    const other = guides.find(
      (guide) => guide.path !== CHECKLIST_PATH && componentUses(guide.path).some((use) => use.name === "Checklist"),
    );
    expect(other, "another guide with a checklist").toBeDefined();
    await again.goto(other!.path);
    await checklistScriptReady(again);
    expect(await again.locator('.checklist input[type="checkbox"]').count()).toBeGreaterThan(0);
    expect(await checkedNames(again)).toEqual([]);
  });

  test('"Clear all ticks" empties its list, and it stays empty after a reload', async ({ page, context }) => {
    await page.goto(CHECKLIST_PATH);
    await checklistScriptReady(page);
    const lists = page.locator(".checklist");
    expect(await lists.count()).toBeGreaterThanOrEqual(2);
    const list = lists.nth(0);
    const otherList = lists.nth(1);
    const boxes = list.getByRole("checkbox");
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await otherList.getByRole("checkbox").first().check();
    const otherName = (await otherList.getByRole("checkbox").first().getAttribute("name"))!;

    await list.getByRole("button", { name: "Clear all ticks" }).click();
    await expect(list.locator("input:checked")).toHaveCount(0);
    await expect(list.getByRole("status")).toHaveText("All ticks cleared.");
    await expect(otherList.getByRole("checkbox").first()).toBeChecked();

    await page.reload();
    await checklistScriptReady(page);
    await expect(page.locator(`input[name="${otherName}"]`)).toBeChecked();
    expect(await checkedNames(page)).toEqual([otherName]);

    const fresh = await context.newPage();
    await fresh.goto(CHECKLIST_PATH);
    await checklistScriptReady(fresh);
    await expect(fresh.locator(`input[name="${otherName}"]`)).toBeChecked();
    expect(await checkedNames(fresh)).toEqual([otherName]);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the boxes tick and untick; the clear button, which needs the script, stays hidden", async ({ page }) => {
      await page.goto(CHECKLIST_PATH);
      const list = page.locator(".checklist").first();
      const boxes = list.getByRole("checkbox");
      expect(await boxes.count()).toBeGreaterThanOrEqual(2);
      // Clicking the label text ticks its box.
      await list.locator("label").nth(0).click();
      await boxes.nth(1).check();
      await expect(boxes.nth(0)).toBeChecked();
      await expect(boxes.nth(1)).toBeChecked();

      await boxes.nth(0).uncheck();
      await expect(boxes.nth(0)).not.toBeChecked();
      // Ticks are not remembered without the script, so there is nothing for it to clear.
      await expect(list.getByRole("button", { name: "Clear all ticks" })).toBeHidden();
    });
  });
});

test.describe("the printed checklist page", () => {
  const guide = sourcePost("guides", CHECKLIST_PATH.split("/").at(-2)!);
  const checklists = componentUses(guide.path).filter((use) => use.name === "Checklist");

  test("leaves out the site chrome and keeps the title, checklists with answer lines, and sources", async ({
    page,
  }) => {
    await page.goto(guide.path);
    const chrome = {
      header: page.locator(".site-header"),
      navigation: page.getByRole("navigation", { name: "Main" }),
      search: page.getByRole("search"),
      "footer links": page.getByRole("navigation", { name: "Footer" }),
      "skip link": page.getByRole("link", { name: "Skip to main content" }),
      "table of contents": page.getByRole("navigation", { name: "On this page" }),
      "related pages": page.getByRole("region", { name: "Related pages" }),
      breadcrumbs: page.getByRole("navigation", { name: "Breadcrumb" }),
    };
    // On screen, all of it is there (so the checks below test the print styles, not a typo).
    for (const [name, locator] of Object.entries(chrome)) await expect(locator, `${name} on screen`).toBeVisible();
    await expect(page.locator(".checklist__lines").first()).toBeHidden();

    await page.emulateMedia({ media: "print" });
    for (const [name, locator] of Object.entries(chrome)) await expect(locator, `${name} in print`).toBeHidden();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(guide.data.title);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("region", { name: "Sources" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Sources" }).getByRole("listitem")).toHaveCount(
      guide.data.sources.length,
    );

    const forms = page.locator(".checklist");
    expect(checklists.length).toBeGreaterThan(0);
    await expect(forms).toHaveCount(checklists.length);
    for (const [index, checklist] of checklists.entries()) {
      const form = forms.nth(index);
      await expect(form).toBeVisible();
      await expect(form.getByRole("heading")).toHaveText(checklist.attributes.title!);
      const lines = Number(checklist.attributes.answerLines ?? 0);
      const items = form.locator(".checklist__item");
      for (const item of await items.all()) {
        await expect(item.getByRole("checkbox")).toBeVisible();
        const block = item.locator(".checklist__lines");
        if (lines === 0) {
          await expect(block).toHaveCount(0);
          continue;
        }
        await expect(block).toBeVisible();
        await expect(block.locator(".checklist__line")).toHaveCount(lines);
        // The writing space is under the question, not beside it.
        const label = (await item.locator("label").boundingBox())!;
        const space = (await block.boundingBox())!;
        expect(space.y).toBeGreaterThanOrEqual(label.y + label.height - 1);
        expect(space.height).toBeGreaterThan(10 * lines);
      }
    }
    expect(checklists.some((checklist) => Number(checklist.attributes.answerLines ?? 0) > 0)).toBe(true);

    // What the printout says: the text a reader sees in print, with none of the chrome's words.
    const printedText = await page.evaluate(() => document.body.innerText);
    expect(printedText).toContain(guide.data.title);
    expect(printedText).not.toContain("Skip to main content");
    expect(printedText).not.toContain("On this page");
    expect(printedText).not.toContain("Related pages");
    expect(printedText).not.toContain("Search the guides");
  });

  test("prints to a PDF titled with the page", async ({ page }) => {
    await page.goto(guide.path);
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ format: "Letter" });
    const raw = pdf.toString("latin1");
    expect(raw.startsWith("%PDF-")).toBe(true);
    expect(pdf.length).toBeGreaterThan(10_000);
    expect(raw).toContain(`/Title (${guide.data.title} | Patient Guides)`);
    expect((raw.match(/\/Type\s*\/Page\b/g) ?? []).length, "pages in the PDF").toBeGreaterThanOrEqual(2);
  });
});

test.describe("links between pages", () => {
  const internalLinks = async (page: Page, path: string): Promise<Set<string>> => {
    await page.goto(path);
    const hrefs = await page
      .locator(".prose a[href^='/']")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    return new Set(hrefs.map((href) => href.replace(/#.*$/, "")).filter((href) => href !== path));
  };

  for (const article of articles) {
    test(`${article.path} links to every guide`, async ({ page }) => {
      const links = await internalLinks(page, article.path);
      const missing = guides.map((guide) => guide.path).filter((path) => !links.has(path));
      expect(missing, `${article.path} does not link to these guides`).toEqual([]);
    });
  }

  for (const guide of guides) {
    test(`${guide.path} links to at least two other guides or the article, and each link works`, async ({ page }) => {
      const links = await internalLinks(page, guide.path);
      const postPaths = new Set(posts.map((post) => post.path));
      const toPosts = [...links].filter((href) => postPaths.has(href));
      expect(
        toPosts.length,
        `${guide.path} links only to ${toPosts.join(", ") || "no other guide or article"}`,
      ).toBeGreaterThanOrEqual(2);
      for (const href of toPosts) {
        const response = await page.request.get(href);
        expect(response.status(), href).toBe(200);
      }
    });
  }
});
