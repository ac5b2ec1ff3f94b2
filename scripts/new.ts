/**
 * `npm run new -- article "Title of the post"` (or `guide`): creates a correctly named post with
 * valid frontmatter (today's date, the default author), a body skeleton, and prints where it is
 * and where to preview it. Options: --topic <id> (repeatable), --draft.
 *
 * `npm run new -- guide "Título" --lang es --from insurance` starts the Spanish translation of
 * content/guides/insurance.mdx at content/es/guides/insurance.mdx: the original's frontmatter,
 * `translationOf` and `translated`, and its headings as TODO placeholders, which the content
 * check rejects until each is translated. It refuses when the original does not exist or a
 * translation of it already does.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import GithubSlugger from "github-slugger";
import { site } from "../src/site.config.ts";
import { contentDir } from "../src/lib/paths.ts";
import { isoDay, today } from "../src/lib/dates.ts";
import { TITLE_MAX } from "../src/lib/schema.ts";
import { PLACEHOLDER, renderPost, renderTranslation, type PostKind } from "../src/lib/scaffold.ts";
import { LOCALE_INFO, LOCALES, DEFAULT_LOCALE, type Locale } from "../src/lib/i18n.ts";
import { findContentFiles, loadedFiles, postFiles, readEntryData } from "../src/lib/content/index.ts";

const USAGE = [
  'Usage: npm run new -- article "Title of the post"   (or: guide)   [--topic id] [--draft]',
  '       npm run new -- guide "Título de la guía" --lang es --from insurance   (a translation of content/guides/insurance.mdx)',
].join("\n");

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(1);
}

const args = process.argv.slice(2);
const kind = args.shift();
if (kind !== "article" && kind !== "guide")
  fail(`First say what to create: article or guide (got ${kind ?? "nothing"}).`);
const topics: string[] = [];
let draft = false;
let lang: string | undefined;
let from: string | undefined;
const words: string[] = [];
while (args.length) {
  const arg = args.shift()!;
  if (arg === "--draft") draft = true;
  else if (arg === "--topic") topics.push(args.shift() ?? fail("--topic needs a topic id"));
  else if (arg === "--lang") lang = args.shift() ?? fail("--lang needs a language, e.g. --lang es");
  else if (arg === "--from")
    from = args.shift() ?? fail("--from needs the original's file name, e.g. --from insurance");
  else words.push(arg);
}
const title = words.join(" ").trim();
if (!title) fail("Give the post a title, in quotes.");
if (title.length > TITLE_MAX) fail(`The title is ${title.length} characters; keep it to ${TITLE_MAX} or fewer.`);

const root = contentDir();
const collection = kind === "article" ? "articles" : "guides";
const contentFiles = findContentFiles(root);

if (lang !== undefined || from !== undefined) {
  const translations = LOCALES.filter((locale) => locale !== DEFAULT_LOCALE);
  if (!lang || !translations.includes(lang as (typeof translations)[number]))
    fail(`A translation needs --lang ${translations.join(" or ")} (got ${lang ?? "nothing"}).`);
  if (!from) fail(`A translation needs --from and the English ${kind}'s file name, e.g. --from insurance.`);
  if (topics.length) fail("A translation keeps its original's topics: leave out --topic.");
  const id = from.replace(new RegExp(`^${collection}/`), "").replace(/\.mdx?$/, "");
  const originals = postFiles(contentFiles, DEFAULT_LOCALE).filter((file) => file.kind === collection);
  const original = originals.find((file) => file.id === id)?.name;
  if (!original) {
    const ids = originals.map((file) => file.id);
    fail(
      `There is no ${relative(process.cwd(), join(root, collection, `${id}.mdx`))} to translate. The ${collection}: ${ids.join(", ")}.`,
    );
  }
  const folder = join(root, LOCALE_INFO[lang as (typeof translations)[number]].contentFolder, collection);
  const file = join(folder, `${id}.mdx`);
  if (existsSync(file))
    fail(
      `${relative(process.cwd(), file)} already exists: edit that file, and set its translated date when it matches the original again.`,
    );
  const claimedBy = postFiles(contentFiles, lang as Locale).find(
    (file) => file.kind === collection && readEntryData(file.absolute)?.translationOf === `${collection}/${id}`,
  );
  if (claimedBy)
    fail(`${relative(process.cwd(), claimedBy.absolute)} already translates ${collection}/${id}: edit that file.`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    file,
    renderTranslation({
      kind: kind as PostKind,
      title,
      date: isoDay(today()),
      original: `${collection}/${id}`,
      originalFile: relative(process.cwd(), join(root, collection, original)),
      originalText: readFileSync(join(root, collection, original), "utf8"),
      draft,
    }),
  );
  console.log(
    `Created ${relative(process.cwd(), file)}, a translation of ${relative(process.cwd(), join(root, collection, original))}`,
  );
  console.log(`Preview: run \`npm run dev\`, then open http://localhost:4321/${lang}/${collection}/${id}/`);
  console.log(
    `Next: translate the description, each heading and each section marked ${PLACEHOLDER}, point sources at their Spanish versions where they exist, add Spanish keywords, then run \`npm run validate\`: it fails until no ${PLACEHOLDER} is left.`,
  );
  if (draft) console.log("It is a draft: it shows in `npm run dev` only, until you remove `draft: true`.");
  process.exit(0);
}

const knownTopics = loadedFiles(contentFiles, "topics", DEFAULT_LOCALE).map((file) => file.id);
for (const topic of topics) {
  if (!knownTopics.includes(topic)) fail(`Unknown topic "${topic}". Topics: ${knownTopics.join(", ")}.`);
}
const chosenTopics = topics.length
  ? topics
  : [knownTopics.includes("second-opinions") ? "second-opinions" : knownTopics[0]!];

const slug = new GithubSlugger().slug(title);
const file = join(root, collection, `${slug}.mdx`);
if (existsSync(file)) fail(`${relative(process.cwd(), file)} already exists: choose another title, or edit that file.`);

mkdirSync(join(root, collection), { recursive: true });
writeFileSync(
  file,
  renderPost({
    kind: kind as PostKind,
    title,
    date: isoDay(today()),
    author: site.defaultAuthor,
    topics: chosenTopics,
    draft,
  }),
);

console.log(`Created ${relative(process.cwd(), file)}`);
console.log(`Preview: run \`npm run dev\`, then open http://localhost:4321/${collection}/${slug}/`);
console.log("Next: replace the placeholder description, text and sources with your own, then run `npm run validate`.");
if (draft) console.log("It is a draft: it shows in `npm run dev` only, until you remove `draft: true`.");
