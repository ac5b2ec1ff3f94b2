/** Command-line options of `npm run bench`. */
import { parseArgs } from "node:util";
import { BUILD_FLAGS, parseSkipList, type BuildFlag } from "../../src/lib/build-flags.ts";
import type { PageFormat } from "./generate.ts";

export interface BenchOptions {
  /** Generated articles for the build benchmark. */
  pages: number;
  /** Builds per page count; figures are medians over them. */
  runs: number;
  format: PageFormat;
  /** A Spanish translation beside each generated article (content/es/articles/), so N pages build 2N. */
  twins: boolean;
  /** Keep Astro's cache across runs (after a warm-up build), as CI does, instead of a cold cache each run. */
  warm: boolean;
  /** With --warm --compare: one generated article's text changes before each counted build. */
  edit: boolean;
  /** Build `pages` and ten times `pages`, and compare the times. */
  scaling: boolean;
  skipLighthouse: boolean;
  /** Only the real site (no generated pages). */
  skipBuild: boolean;
  /** Only the generated pages (no real site). */
  onlyBuild: boolean;
  /** Exit 1 when a budget fails. */
  strict: boolean;
  /** Only the side-by-side comparison with Astro's blog example (scripts/bench/compare.ts). */
  compare: boolean;
  /** Only a CPU profile of one build of the generated pages (scripts/bench/profile.ts). */
  profile: boolean;
  /** Parts of our build switched off (PG_SKIP, src/lib/build-flags.ts). */
  without: BuildFlag[];
}

const USAGE = `Usage: npm run bench -- [options]

  --pages N          generated articles to build (default 1000)
  --runs N           builds per page count; medians are reported (default 3)
  --format mdx|md    generated pages as MDX with the editors' components (default) or plain Markdown
  --twins            add a Spanish twin of each generated article (N pages -> 2N)
  --warm             keep Astro's cache between runs (after one warm-up build), as CI's actions/cache does
  --scaling          build N, 5 x N and 10 x N pages and compare the times
  --skip-lighthouse  skip the Lighthouse audits
  --skip-build       only measure the real site
  --only-build       only the generated-pages builds (and search on them)
  --strict           exit 1 when any budget fails
  --compare          only the side-by-side comparison: Astro's blog example (../shared/bench-anchors/astro-blog)
                     and this site on the same generated pages, .md and .mdx, --runs interleaved rounds of
                     clean builds with the search index; prints medians and ratios (bench-results/compare.json);
                     with --warm, each site keeps Astro's cache between its builds
  --edit             with --compare --warm: before each counted build, one generated article's text changes
                     (a sentence added to its body) in both sites, as in an editor's pull request
  --profile          only a CPU profile (node --cpu-prof) of one clean build of the generated pages
                     (--pages, --format); prints the top self-time functions and packages
  --without LIST     switch parts of this site's build off (comma-separated; PG_SKIP for every build of ours):
${Object.entries(BUILD_FLAGS)
  .map(([name, what]) => `                       ${name}: ${what}`)
  .join("\n")}`;

export function parseOptions(args: string[]): BenchOptions {
  let values: ReturnType<typeof parse>["values"];
  try {
    ({ values } = parse(args));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const format = values.format ?? "mdx";
  if (format !== "mdx" && format !== "md") fail(`--format is mdx or md, not "${format}"`);
  const options: BenchOptions = {
    pages: values.pages === undefined ? 1000 : positiveInteger("--pages", values.pages),
    runs: values.runs === undefined ? 3 : positiveInteger("--runs", values.runs),
    format,
    twins: values.twins ?? false,
    warm: values.warm ?? false,
    edit: values.edit ?? false,
    scaling: values.scaling ?? false,
    skipLighthouse: values["skip-lighthouse"] ?? false,
    skipBuild: values["skip-build"] ?? false,
    onlyBuild: values["only-build"] ?? false,
    strict: values.strict ?? false,
    compare: values.compare ?? false,
    profile: values.profile ?? false,
    without: [],
  };
  try {
    options.without = [...parseSkipList(values.without)];
  } catch (error) {
    fail(`--without: ${(error as Error).message}`);
  }
  if (options.edit && !(options.compare && options.warm)) fail("--edit is for --compare --warm");
  if (options.compare && options.profile) fail("--compare and --profile are separate runs: choose one");
  if (options.skipBuild && options.onlyBuild) fail("--skip-build and --only-build together leave nothing to measure");
  return options;
}

const parse = (args: string[]) =>
  parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      pages: { type: "string" },
      runs: { type: "string" },
      format: { type: "string" },
      twins: { type: "boolean" },
      warm: { type: "boolean" },
      edit: { type: "boolean" },
      scaling: { type: "boolean" },
      "skip-lighthouse": { type: "boolean" },
      "skip-build": { type: "boolean" },
      "only-build": { type: "boolean" },
      strict: { type: "boolean" },
      compare: { type: "boolean" },
      profile: { type: "boolean" },
      without: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });

function positiveInteger(name: string, text: string): number {
  const value = Number(text.replaceAll(/[,_]/g, ""));
  if (!Number.isInteger(value) || value < 1) fail(`${name} needs a whole number of at least 1, not "${text}"`);
  return value;
}

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}
