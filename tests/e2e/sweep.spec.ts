/**
 * Every built page, in the browser: no console errors, failed requests, CSP violations or
 * requests to other hosts; no sideways scrolling at 320 px wide or with text at 200%; and every
 * interactive element is reached by Tab, in view and visibly focused.
 */
import { expect, test, type Page } from "@playwright/test";
import { builtPages, largeText, watchNetwork } from "./site";

/** Loads a page while recording everything that went wrong. */
async function visit(page: Page, path: string): Promise<string[]> {
  const problems: string[] = [];
  const origin = new URL(test.info().project.use.baseURL!).origin;
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`script error: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`failed request: ${request.url()}`));
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!["data:", "blob:"].includes(url.protocol) && url.origin !== origin)
      problems.push(`request to another host: ${request.url()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400 && !(path.endsWith("/404.html") && response.url().endsWith(path))) {
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  await page.exposeFunction("reportViolation", (text: string) => problems.push(`CSP violation: ${text}`));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (event) =>
      (window as unknown as { reportViolation(text: string): void }).reportViolation(
        `${event.violatedDirective} ${event.blockedURI}`,
      ),
    ),
  );
  const network = watchNetwork(page);
  await page.goto(path);
  await network.idle();
  return problems;
}

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

for (const path of builtPages()) {
  test.describe(path, () => {
    test("loads cleanly (no errors, failed requests, CSP violations or other hosts), and reflows at 320 px and with the browser's text at 200% at 320, 390 and 1280 px", async ({
      page,
    }) => {
      await page.setViewportSize({ width: 320, height: 640 });
      expect(await visit(page, path)).toEqual([]);
      expect(await overflow(page), "sideways scroll at 320 px").toBeLessThanOrEqual(0);
      // The phone's large-text setting: the browser's default font at 32 px, as Android's does.
      // It takes effect on the next load; the layout then follows each width without reloading.
      await largeText(page);
      await page.setViewportSize({ width: 320, height: 844 });
      await page.reload();
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), "text at 200%").toBe(
        "32px",
      );
      for (const width of [320, 390, 1280]) {
        await page.setViewportSize({ width, height: 844 });
        expect(await overflow(page), `sideways scroll at ${width} px with text at 200%`).toBeLessThanOrEqual(0);
        const clipped = await page.evaluate(() =>
          [...document.querySelectorAll("main *")]
            .filter((element) => {
              const style = getComputedStyle(element);
              return (
                style.overflowX === "hidden" && element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0
              );
            })
            .map(
              (element) =>
                element.tagName.toLowerCase() +
                (element.className ? `.${String(element.className).split(" ")[0]}` : ""),
            ),
        );
        expect(clipped, `text cut off at ${width} px with text at 200%`).toEqual([]);
      }
    });

    test("every interactive element is reached by Tab, in view and visibly focused", async ({ page }) => {
      // Smooth scrolling would still be moving when focus is checked; many readers turn it off too.
      await page.emulateMedia({ reducedMotion: "reduce" });
      await page.goto(path);
      const expected = await page.evaluate(() => {
        const selector =
          'a[href], button:not([disabled]), input:not([type="hidden"]):not([disabled]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
        // checkVisibility() sees what CSS really shows: a closed <details> hides its content,
        // unless a wide screen shows it anyway (the contents list and the menu).
        const shown = (element: Element) =>
          element.checkVisibility({ visibilityProperty: true }) &&
          element.getClientRects().length > 0 &&
          !element.closest("[hidden], [popover]:not(:popover-open)");
        const all = [...document.querySelectorAll<HTMLElement>(selector)].filter(
          (element) => shown(element) || element.classList.contains("skip-link"),
        );
        for (const [index, element] of all.entries()) element.dataset.tabCheck = String(index);
        // Record each element as it receives focus: its ring and whether it is on screen.
        const seen: Array<{ id: string; label: string; ring: boolean; inView: boolean }> = [];
        (window as unknown as { focusLog: typeof seen }).focusLog = seen;
        // Measured at once: the next Tab would move focus (and :focus-visible) elsewhere.
        document.addEventListener("focusin", (event) => {
          const element = event.target as HTMLElement;
          const style = getComputedStyle(element);
          const box = element.getBoundingClientRect();
          seen.push({
            id: element.dataset.tabCheck ?? "",
            label: `${element.tagName.toLowerCase()} "${(element.textContent ?? "").trim().slice(0, 30)}"`,
            ring: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== "none",
            inView: box.bottom > 0 && box.top < window.innerHeight && box.right > 0 && box.left < window.innerWidth,
          });
        });
        return all.length;
      });
      for (let press = 0; press < expected; press++) await page.keyboard.press("Tab");
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
      const log = await page.evaluate(
        () =>
          (window as unknown as { focusLog: Array<{ id: string; label: string; ring: boolean; inView: boolean }> })
            .focusLog,
      );
      const problems = log
        .filter((entry) => !entry.ring || !entry.inView)
        .map(
          (entry) =>
            `${entry.label}${entry.ring ? "" : " has no visible focus"}${entry.inView ? "" : " is out of view"}`,
        );
      expect(problems).toEqual([]);
      expect(
        log.filter((entry) => entry.id === "").map((entry) => entry.label),
        "focus went somewhere the sweep did not expect",
      ).toEqual([]);
      expect(new Set(log.map((entry) => entry.id)).size, "elements reached by Tab").toBe(expected);
    });
  });
}
