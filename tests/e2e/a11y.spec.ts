/**
 * axe on every built page (found in dist/, so new pages are covered without editing this file),
 * at phone and desktop widths, in light and dark. Zero violations allowed.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { builtPages } from "./site";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
const VIEWS = [
  { width: 390, height: 844, scheme: "light" },
  { width: 1280, height: 900, scheme: "dark" },
  { width: 390, height: 844, scheme: "dark" },
  { width: 1280, height: 900, scheme: "light" },
] as const;

// One test per page and view, so a long page's four axe runs share the workers, not one timeout.
for (const path of builtPages()) {
  for (const view of VIEWS) {
    test(`axe: ${path} at ${view.width}px, ${view.scheme}`, async ({ page }) => {
      await page.setViewportSize({ width: view.width, height: view.height });
      await page.emulateMedia({ colorScheme: view.scheme });
      await page.goto(path);
      const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      expect(summary, `${path} at ${view.width}px, ${view.scheme}`).toEqual([]);
    });
  }
}
