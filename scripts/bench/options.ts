/** Command-line options of `npm run bench`. */
import type { PageFormat } from "./generate.ts";

export interface BenchOptions {
  /** Generated articles for the build benchmark. */
  pages: number;
  /** Builds per page count; figures are medians over them. */
  runs: number;
  format: PageFormat;
  /** A Spanish translation beside each generated article (content/es/articles/), so N pages build 2N. */
  twins: boolean;
  /** Reuse one cache across runs (after a warm-up build) instead of a cold cache each run. */
  warm: boolean;
  /** Build `pages` and ten times `pages`, and compare the times. */
  scaling: boolean;
  skipLighthouse: boolean;
  /** Only the real site (no generated pages). */
  skipBuild: boolean;
  /** Only the generated pages (no real site). */
  onlyBuild: boolean;
  /** Exit 1 when a budget fails. */
  strict: boolean;
}

const USAGE = `Usage: npm run bench -- [options]

  --pages N          generated articles to build (default 1000)
  --runs N           builds per page count; medians are reported (default 3)
  --format mdx|md    generated pages as MDX with the editors' components (default) or plain Markdown
  --twins            add a Spanish twin of each generated article (N pages -> 2N)
  --warm             keep the build cache between runs (after one warm-up build)
  --scaling          build N and 10 x N pages and compare the times
  --skip-lighthouse  skip the Lighthouse audits
  --skip-build       only measure the real site
  --only-build       only the generated-pages builds (and search on them)
  --strict           exit 1 when any budget fails`;

export function parseOptions(args: string[]): BenchOptions {
  const options: BenchOptions = {
    pages: 1000,
    runs: 3,
    format: "mdx",
    twins: false,
    warm: false,
    scaling: false,
    skipLighthouse: false,
    skipBuild: false,
    onlyBuild: false,
    strict: false,
  };
  const queue = [...args];
  while (queue.length) {
    const arg = queue.shift() as string;
    const [name, inlineValue] = arg.split("=", 2) as [string, string | undefined];
    const value = () => inlineValue ?? queue.shift() ?? fail(`${name} needs a value`);
    switch (name) {
      case "--pages":
        options.pages = positiveInteger(name, value());
        break;
      case "--runs":
        options.runs = positiveInteger(name, value());
        break;
      case "--format": {
        const format = value();
        if (format !== "mdx" && format !== "md") fail(`--format is mdx or md, not "${format}"`);
        options.format = format;
        break;
      }
      case "--warm":
        options.warm = true;
        break;
      case "--twins":
        options.twins = true;
        break;
      case "--scaling":
        options.scaling = true;
        break;
      case "--skip-lighthouse":
        options.skipLighthouse = true;
        break;
      case "--skip-build":
        options.skipBuild = true;
        break;
      case "--only-build":
        options.onlyBuild = true;
        break;
      case "--strict":
        options.strict = true;
        break;
      case "--help":
      case "-h":
        console.log(USAGE);
        process.exit(0);
      default:
        fail(`unknown option ${arg}`);
    }
  }
  if (options.skipBuild && options.onlyBuild) fail("--skip-build and --only-build together leave nothing to measure");
  return options;
}

function positiveInteger(name: string, text: string): number {
  const value = Number(text.replaceAll(/[,_]/g, ""));
  if (!Number.isInteger(value) || value < 1) fail(`${name} needs a whole number of at least 1, not "${text}"`);
  return value;
}

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}
