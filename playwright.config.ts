import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, findSystemChromium } from "./scripts/lib/chromium.ts";

const PORT = Number(process.env.PREVIEW_PORT ?? 4329);
const executablePath = findSystemChromium();

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: "100%",
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // A failed test keeps its trace (actions, console, network) and a screenshot. DOM snapshots are
    // left out: they are taken at every action, and the Tab sweep's hundreds of key presses made
    // that sweep 3x slower (6.9 s vs 2.3 s a page) for pictures a failure's screenshot gives.
    trace: { mode: "retain-on-failure", snapshots: false, screenshots: false },
    screenshot: "only-on-failure",
    launchOptions: { ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  // Tests read the production build. `npm test` builds first and sets SKIP_BUILD; run alone,
  // Playwright builds before it serves.
  webServer: {
    command: `${process.env.SKIP_BUILD ? "" : "npm run build && "}npx astro preview --host 127.0.0.1 --port ${PORT} --ignore-lock`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: "ignore",
  },
});
