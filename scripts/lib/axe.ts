/** How every axe check in the repo runs: the same rules, inside the page itself. */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright";

/** WCAG 2.2 A and AA, and axe's best practices. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/**
 * An axe run on the page as it is now, ready for `.withTags(AXE_TAGS)` or `.withRules([...])`.
 * - Only violations list their nodes: axe then skips describing every passing node.
 * - Legacy mode runs axe.run() in the page. The default opens a blank page for every run to merge
 *   the results of cross-origin frames, and our pages have none (the content check refuses
 *   <iframe>): a run took 2.3-3.2 s that way, against 0.5-0.8 s.
 */
export const axeOn = (page: Page): AxeBuilder =>
  new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).setLegacyMode();
