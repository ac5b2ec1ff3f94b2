/**
 * `npm run new -- article "Title of the post"` (or `guide`): creates a correctly named post with
 * valid frontmatter (today's date, the default author), a body skeleton, and prints where it is
 * and where to preview it. Options: --topic <id> (repeatable), --draft.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import GithubSlugger from "github-slugger";
import { site } from "../src/site.config.ts";
import { contentDir } from "../src/lib/paths.ts";
import { isoDay, today } from "../src/lib/dates.ts";
import { TITLE_MAX } from "../src/lib/schema.ts";
import { renderPost, type PostKind } from "../src/lib/scaffold.ts";

const USAGE = 'Usage: npm run new -- article "Title of the post"   (or: guide)   [--topic id] [--draft]';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(1);
}

const args = process.argv.slice(2);
const kind = args.shift();
if (kind !== "article" && kind !== "guide") fail(`First say what to create: article or guide (got ${kind ?? "nothing"}).`);
const topics: string[] = [];
let draft = false;
const words: string[] = [];
while (args.length) {
  const arg = args.shift()!;
  if (arg === "--draft") draft = true;
  else if (arg === "--topic") topics.push(args.shift() ?? fail("--topic needs a topic id"));
  else words.push(arg);
}
const title = words.join(" ").trim();
if (!title) fail("Give the post a title, in quotes.");
if (title.length > TITLE_MAX) fail(`The title is ${title.length} characters; keep it to ${TITLE_MAX} or fewer.`);

const root = contentDir();
const knownTopics = readdirSync(join(root, "topics")).map((name) => name.replace(/\.ya?ml$/, ""));
for (const topic of topics) {
  if (!knownTopics.includes(topic)) fail(`Unknown topic "${topic}". Topics: ${knownTopics.join(", ")}.`);
}
const chosenTopics = topics.length ? topics : [knownTopics.includes("second-opinions") ? "second-opinions" : knownTopics[0]!];

const collection = kind === "article" ? "articles" : "guides";
const slug = new GithubSlugger().slug(title);
const file = join(root, collection, `${slug}.mdx`);
if (existsSync(file)) fail(`${relative(process.cwd(), file)} already exists: choose another title, or edit that file.`);

mkdirSync(join(root, collection), { recursive: true });
writeFileSync(
  file,
  renderPost({ kind: kind as PostKind, title, date: isoDay(today()), author: site.defaultAuthor, topics: chosenTopics, draft }),
);

console.log(`Created ${relative(process.cwd(), file)}`);
console.log(`Preview: run \`npm run dev\`, then open http://localhost:4321/${collection}/${slug}/`);
console.log("Next: replace the placeholder description, text and sources with your own, then run `npm run validate`.");
if (draft) console.log("It is a draft: it shows in `npm run dev` only, until you remove `draft: true`.");
