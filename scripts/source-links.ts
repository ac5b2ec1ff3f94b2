/**
 * `npm run source-links`: checks every external source address the content cites (see
 * src/lib/source-links.ts) and lists the dead ones, with the files that cite them. Needs the
 * internet; the weekly workflow (.github/workflows/source-links.yml) runs it.
 *
 *   --format issue     the body of the weekly "dead source links" issue (Markdown); with
 *                      GITHUB_OUTPUT set, also writes `dead`, `unsure` and `checked` counts there
 *   --link-base URL    in the issue, link each file to URL + path (the repository's blob/main/)
 *   --content DIR      another content folder instead of content/
 *   --timeout MS       how long to wait for each site (default 20000)
 *   --no-retry         do not retry failed requests (quicker; for tests)
 *
 * Exits 1 when a link is dead, except with --format issue, whose job is to write the issue.
 */
import { appendFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { checkSourceLinks, sourceLinks, sourceLinksIssueBody } from "../src/lib/source-links.ts";
import { contentDir } from "../src/lib/paths.ts";

const { values: options } = parseArgs({
  options: {
    format: { type: "string", default: "text" },
    "link-base": { type: "string" },
    content: { type: "string" },
    timeout: { type: "string", default: "20000" },
    "no-retry": { type: "boolean", default: false },
  },
});
if (options.format !== "text" && options.format !== "issue") {
  console.error(`--format must be "text" or "issue", not "${options.format}".`);
  process.exit(2);
}

const links = sourceLinks(options.content ? resolve(options.content) : contentDir());
const checked = await checkSourceLinks(links, { timeout: Number(options.timeout), retry: !options["no-retry"] });
const dead = checked.filter((link) => link.verdict === "dead");
const unsure = checked.filter((link) => link.verdict === "unsure");

if (options.format === "issue") {
  process.stdout.write(sourceLinksIssueBody(checked, { linkBase: options["link-base"] }));
  if (process.env.GITHUB_OUTPUT) {
    appendFileSync(
      process.env.GITHUB_OUTPUT,
      `dead=${dead.length}\nunsure=${unsure.length}\nchecked=${checked.length}\n`,
    );
  }
} else {
  console.log(`Checked ${checked.length} source addresses: ${dead.length} dead, ${unsure.length} to check by hand.`);
  for (const [heading, list] of [
    ["Dead", dead],
    ["Check by hand", unsure],
  ] as const) {
    if (list.length === 0) continue;
    console.log(`\n${heading}:`);
    for (const link of list) {
      console.log(`  ${link.url}\n    ${link.reason}`);
      for (const citation of link.citedBy) console.log(`    cited by ${citation.file} (${citation.field})`);
    }
  }
  if (dead.length > 0) process.exit(1);
}
