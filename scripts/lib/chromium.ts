/**
 * Which Chromium the tests drive. A system browser wins when there is one (CI and this machine
 * have Debian's /usr/bin/chromium, and Playwright cannot download browsers here); otherwise
 * Playwright's own Chromium, which `npx playwright install chromium` fetches on a laptop.
 */
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";

const SYSTEM_CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
];
const ON_PATH = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

/** Path of a system Chromium or Chrome, honouring CHROME_PATH; undefined when there is none. */
export function findSystemChromium(): string | undefined {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, but no file is there. Fix or unset it.`);
  }
  const known = SYSTEM_CANDIDATES.find((path) => existsSync(path));
  if (known) return known;
  for (const name of ON_PATH) {
    try {
      const path = execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim();
      if (path) return path;
    } catch {
      // not on PATH
    }
  }
  return undefined;
}

/** Path of Playwright's own Chromium when it has been downloaded; undefined otherwise. */
export async function findPlaywrightChromium(): Promise<string | undefined> {
  try {
    const { chromium } = await import("@playwright/test");
    const path = chromium.executablePath();
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

export const INSTALL_HELP: string = [
  "No Chromium was found for the browser tests. Install one of these, then run `npm test` again:",
  "  - Debian or Ubuntu: sudo apt-get install -y chromium",
  "  - macOS: brew install --cask chromium   (or install Google Chrome)",
  "  - any system: npx playwright install chromium",
  "  - or point CHROME_PATH at a Chromium or Chrome binary you already have.",
].join("\n");

/**
 * Flags for headless Chromium in a locked-down sandbox: background networking off (the machine
 * refuses outside connections), no first-run UI, and no sandbox when running as root.
 */
export const CHROMIUM_ARGS: string[] = [
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
];
