/**
 * `astro build` reads each post's MDX body into HTML while it syncs content, as it does for
 * Markdown (src/lib/markdown/static-mdx.ts), instead of compiling every post into a JavaScript
 * module to bundle and run for its one page. 1,000 generated .mdx pages, clean builds with the
 * search index (`npm run bench -- --compare --runs 5`): 13.1 s instead of 17.7 s (bundling 1.7 s
 * instead of 5.6 s, rendering pages 3.8 s instead of 5.4 s, set-up 3.5 s instead of 1.8 s);
 * 10,000 pages: 120.9 s instead of 159.1 s, 3,839 MiB at peak instead of 4,360.
 *
 * `astro dev` (and the tests, which run Astro in dev mode) keeps @astrojs/mdx and the .astro
 * components, which write the same markup (src/components/mdx/markup.ts), so an edit shows at once.
 */
import { readFileSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration, AstroIntegrationLogger } from "astro";
import { AstroError } from "astro/errors";
import { parseFrontmatter } from "@astrojs/internal-helpers/frontmatter";
import type { Plugin as VitePlugin } from "vite";
import { localeOfContentPath } from "../lib/content/files.ts";
import { contentDir } from "../lib/paths.ts";
import { announceStaticMdx, glossaryReader, renderStaticMdx, StaticMdxError } from "../lib/markdown/static-mdx.ts";

/** Lines of the file above its body (the frontmatter): a body's line 1 is the file's line 1 + this. */
function bodyOffset(file: string, body = ""): number {
  try {
    const text = readFileSync(file, "utf8");
    const at = text.indexOf(body);
    return at > 0 ? text.slice(0, at).split("\n").length - 1 : 0;
  } catch {
    return 0;
  }
}

/**
 * Stops the build before any page is made when a body could not be rendered: the glob loader
 * only logs a render's error. Each mistake is logged as written (the message of an error Astro
 * ends the build with is read as Markdown, which turned "[text](url)" into "text url").
 */
const stopOnProblems = (problems: readonly string[], logger: AstroIntegrationLogger): VitePlugin => ({
  name: "patient-guides:static-mdx-problems",
  buildApp: {
    order: "pre",
    async handler() {
      if (problems.length === 0) return;
      logger.error(`\n${problems.join("\n")}`);
      throw new AstroError(
        `${problems.length} post bod${problems.length === 1 ? "y" : "ies"} could not be rendered: listed above with file and line.`,
        "Run `npm run validate`: it names the line and how to fix it.",
      );
    },
  },
});

/** The build experiments' switches (src/lib/build-flags.ts), as astro.config.mjs reads them. */
export interface StaticMdxOptions {
  unwrapComponents?: boolean;
  linkBase?: boolean;
}

export default function staticMdx({
  unwrapComponents = false,
  linkBase = true,
}: StaticMdxOptions = {}): AstroIntegration {
  return {
    name: "patient-guides:static-mdx",
    hooks: {
      "astro:config:setup": (params) => {
        if (params.command !== "build") return;
        announceStaticMdx({ unwrapComponents, linkBase });
        const root = contentDir();
        const glossary = glossaryReader(root);
        const base = params.config.base;
        const rootDir = fileURLToPath(params.config.root);
        const problems: string[] = [];
        // Not in Astro's public types: the hook @astrojs/mdx and Markdown use to say how a file becomes an entry.
        const { addContentEntryType } = params as unknown as { addContentEntryType: (type: object) => void };
        addContentEntryType({
          extensions: [".mdx"],
          getEntryInfo({ contents }: { contents: string }) {
            const parsed = parseFrontmatter(contents, { frontmatter: "empty-with-spaces" });
            return {
              data: parsed.frontmatter,
              body: parsed.content.trim(),
              slug: parsed.frontmatter.slug,
              rawData: parsed.rawFrontmatter,
            };
          },
          handlePropagation: false,
          async getRenderFunction() {
            return async (entry: { body?: string; filePath?: string; data: { sources?: Array<{ id: string }> } }) => {
              const file = entry.filePath
                ? isAbsolute(entry.filePath)
                  ? entry.filePath
                  : resolve(rootDir, entry.filePath)
                : "";
              const inContent = relative(root, file).split(sep).join("/");
              try {
                const { html, headings, imagePaths } = renderStaticMdx(entry.body ?? "", {
                  locale: localeOfContentPath(inContent),
                  sources: (entry.data.sources ?? []).map((source) => source.id),
                  base,
                  glossary,
                  unwrapComponents,
                  linkBase,
                });
                return { html, metadata: { headings, imagePaths } };
              } catch (error) {
                const where = relative(process.cwd(), file);
                const line =
                  error instanceof StaticMdxError && error.line ? error.line + bodyOffset(file, entry.body) : undefined;
                const message = (error as Error).message;
                problems.push(`${where}${line ? `:${line}` : ""}: ${message}`);
                // Astro logs this with the file's name: the line must be the file's, not the body's.
                throw line ? new StaticMdxError(`line ${line}: ${message}`, line) : error;
              }
            };
          },
        });
        params.updateConfig({ vite: { plugins: [stopOnProblems(problems, params.logger)] } });
      },
    },
  };
}
