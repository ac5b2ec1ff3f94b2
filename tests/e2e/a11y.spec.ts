/**
 * axe on every built page (found in dist/, so new pages, and every Spanish page, are covered
 * without editing this file), at phone and desktop widths, in light and dark. Zero violations.
 */
import { expect, test } from "@playwright/test";
import { AXE_TAGS, axeOn } from "../../scripts/lib/axe.ts";
import { builtPages } from "./site";

/**
 * Every rule runs at both widths (layout decides what shows); colour contrast, the only rule the
 * colour scheme changes, runs in all four views. Running the scheme-blind rules twice more would
 * only repeat their results, at a quarter of the suite's time.
 */
const VIEWS = [
  { width: 390, height: 844, scheme: "light", rules: "all" },
  { width: 1280, height: 900, scheme: "dark", rules: "all" },
  { width: 390, height: 844, scheme: "dark", rules: "contrast" },
  { width: 1280, height: 900, scheme: "light", rules: "contrast" },
] as const;

// One test per page: the page loads once and is checked in each view (the layout and colours
// follow the viewport and colour scheme without a reload), which halves the suite's time.
for (const path of builtPages()) {
  test(`axe: ${path} at 390 and 1280 px, light and dark`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto(path);
    const found: string[] = [];
    for (const view of VIEWS) {
      await page.setViewportSize({ width: view.width, height: view.height });
      await page.emulateMedia({ colorScheme: view.scheme });
      const axe = axeOn(page);
      const { violations } = await (view.rules === "all"
        ? axe.withTags(AXE_TAGS)
        : axe.withRules(["color-contrast"])
      ).analyze();
      for (const v of violations)
        found.push(
          `${view.width}px ${view.scheme}: ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
        );
    }
    expect(found, path).toEqual([]);
  });
}
