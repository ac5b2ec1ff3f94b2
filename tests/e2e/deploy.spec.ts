/**
 * The site as deployed with nginx: dist/ served by real nginx with deploy/nginx.conf. Checks the
 * headers (security and caching), compression, the 404 page, the 301s for old blog addresses,
 * and that the full header CSP lets every page and search work with zero violations.
 */
import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { SECURITY_HEADERS, CACHE_CONTROL } from "../../src/lib/security";
import { startNginx, type RunningNginx } from "./nginx";
import { builtPages } from "./site";

const PORT = 4340 + Number(process.env.TEST_PARALLEL_INDEX ?? 0);
let nginx: RunningNginx;

test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  nginx = await startNginx(PORT);
});
test.afterAll(() => nginx?.stop());

/** Old address -> new page, from the redirect list the build wrote. */
const hostRules = readFileSync("dist/_redirects", "utf8")
  .split("\n")
  .filter((line) => line && !line.startsWith("#"))
  .map((line) => line.split(" ") as [string, string, string]);
/** Old blog addresses; the other rules serve each translation's 404 page. */
const legacy = hostRules.filter(([from]) => !from.endsWith("*"));

test("every page is sent with the security headers and a short cache", async ({ request }) => {
  for (const path of [
    "/",
    "/articles/getting-a-second-opinion/",
    "/search/",
    "/rss.xml",
    "/pagefind/pagefind-entry.json",
  ]) {
    const response = await request.get(`${nginx.url}${path}`);
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      expect(headers[name.toLowerCase()], `${path} ${name}`).toBe(value);
    expect(headers["cache-control"], path).toBe(CACHE_CONTROL.short);
    expect(headers["server"]).toBe("nginx");
  }
});

test("hashed build assets are cached for a year, and text is compressed", async ({ request }) => {
  // The search page links its own stylesheet and script as hashed files.
  const html = await (await request.get(`${nginx.url}/search/`)).text();
  const asset = /(?:href|src)="(\/_astro\/[^"]+\.(?:css|js))"/.exec(html)?.[1];
  expect(asset).toBeDefined();
  const response = await request.get(`${nginx.url}${asset}`, { headers: { "Accept-Encoding": "gzip" } });
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe(CACHE_CONTROL.immutable);
  expect(response.headers()["content-encoding"]).toBe("gzip");
  expect(response.headers()["content-security-policy"]).toBe(SECURITY_HEADERS["Content-Security-Policy"]);
});

test("an unknown address gets the site's 404 page with status 404 and the headers", async ({ request }) => {
  const response = await request.get(`${nginx.url}/no-such-page/`);
  expect(response.status()).toBe(404);
  expect(await response.text()).toContain("Page not found");
  expect(response.headers()["content-security-policy"]).toBe(SECURITY_HEADERS["Content-Security-Policy"]);
});

test("a missing Spanish address gets the Spanish 404 page, from nginx and in the Netlify/Cloudflare rules", async ({
  request,
}) => {
  const response = await request.get(`${nginx.url}/es/no-existe/`);
  expect(response.status()).toBe(404);
  expect(await response.text()).toContain("No encontramos la página");
  expect(response.headers()["content-security-policy"]).toBe(SECURITY_HEADERS["Content-Security-Policy"]);
  expect(hostRules).toContainEqual(["/es/*", "/es/404.html", "404"]);
});

test("old blog addresses redirect permanently to their new page", async ({ request }) => {
  expect(legacy.length).toBeGreaterThan(0);
  for (const [from, to, status] of legacy) {
    expect(status).toBe("301");
    const response = await request.get(`${nginx.url}${from}`, { maxRedirects: 0 });
    expect(response.status(), from).toBe(301);
    expect(response.headers()["location"], from).toBe(to);
    const page = await request.get(`${nginx.url}${to}`);
    expect(page.status()).toBe(200);
  }
  expect(legacy.map(([from]) => from)).toContain(
    "/blog/in-cancer-expertise-is-crucial-tips-on-getting-a-second-opinion/",
  );
});

test("a folder address without its slash redirects to the slash form; redirect lists are not served", async ({
  request,
}) => {
  const response = await request.get(`${nginx.url}/guides`, { maxRedirects: 0 });
  expect(response.status()).toBe(301);
  expect(response.headers()["location"]).toBe("/guides/");
  expect((await request.get(`${nginx.url}/_redirects`)).status()).toBe(404);
  expect((await request.get(`${nginx.url}/_redirects.nginx`)).status()).toBe(404);
});

test("under the header CSP, no page and no search causes a violation", async ({ page }) => {
  const violations: string[] = [];
  await page.exposeFunction("reportViolation", (text: string) => violations.push(text));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (event) =>
      (window as unknown as { reportViolation(text: string): void }).reportViolation(
        `${event.violatedDirective} ${event.blockedURI}`,
      ),
    ),
  );
  page.on("console", (message) => {
    if (message.type() === "error") violations.push(`console: ${message.text()}`);
  });
  // The 404 pages answer with status 404 (a console error), which their own test covers.
  for (const path of builtPages().filter((path) => !path.endsWith("/404.html"))) await page.goto(`${nginx.url}${path}`);
  await page.goto(`${nginx.url}/search/?q=records`);
  await expect(page.locator("site-search")).toHaveAttribute("data-state", "done");
  await expect(page.locator(".search-result").first()).toBeVisible();
  await page.goto(`${nginx.url}/guides/questions-to-ask/`);
  await page.locator('input[type="checkbox"]').first().check();
  await page.reload();
  await expect(page.locator('input[type="checkbox"]').first()).toBeChecked();
  expect(violations).toEqual([]);
});

test("an injected <style> is blocked: the page's <meta> policy narrows the header to its own stylesheet", async ({
  page,
}) => {
  const blocked: string[] = [];
  await page.exposeFunction("reportBlocked", (directive: string) => blocked.push(directive));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (event) =>
      (window as unknown as { reportBlocked(d: string): void }).reportBlocked(event.violatedDirective),
    ),
  );
  await page.goto(`${nginx.url}/articles/getting-a-second-opinion/`);
  const before = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.evaluate(() =>
    document.head.insertAdjacentHTML("beforeend", "<style>body { background: rgb(255, 0, 0) }</style>"),
  );
  await expect.poll(() => blocked).toContain("style-src-elem");
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(before);
  // The page's own stylesheet did apply: the site's layout is there.
  expect(await page.evaluate(() => getComputedStyle(document.querySelector(".site-header")!).position)).toBe(
    "relative",
  );
});
