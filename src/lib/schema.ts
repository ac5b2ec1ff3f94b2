/**
 * Frontmatter rules for every collection, written once.
 *
 * `src/content.config.ts` builds its collections from these factories with Astro's `reference()`
 * and `image()`; the editor-facing validator (`src/lib/validate/`) builds them with plain zod
 * stand-ins, so both enforce the same rules. Only plain `astro/zod` here: no `astro:` modules.
 */
import { z } from "astro/zod";

export const TITLE_MAX = 70;
export const DESCRIPTION_MAX = 160;
export const DESCRIPTION_MIN = 50;
/** Fewest sources a page may list: guides, which give step-by-step advice, need more. */
export const MIN_SOURCES = { articles: 1, guides: 3 } as const;

/** `YYYY-MM-DD`, the only date form editors may write. */
export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is `YYYY-MM-DD` and names a day that exists (no 30 February). */
export function isRealCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A calendar date as a UTC midnight `Date`. Accepts a `Date` because Astro's YAML reader turns
 * bare dates into Dates before the schema runs; the raw-text check in the validator is what
 * catches impossible days that YAML silently rolls over.
 */
export const isoDate = z.union([
  z.date(),
  z
    .string()
    .refine(isRealCalendarDate, { message: "must be a real date written as YYYY-MM-DD" })
    .transform((text) => new Date(`${text}T00:00:00Z`)),
]);

const slugId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lowercase letters, digits and single hyphens");

const httpsUrl = z.url({ protocol: /^https$/, error: "must be a full https:// address" });

/** One entry in a page's list of sources. Every factual claim on the page cites one. */
export const sourceSchema = z
  .strictObject({
    /** Short id that `<Cite id="..." />` in the body refers to, e.g. `hhs-access`. */
    id: slugId,
    /** Title of the page, report or paper, as its publisher gives it. */
    title: z.string().min(3),
    /** Who published it: NCI, ACS, ASCO, CMS, HHS, or the journal for a paper. */
    publisher: z.string().min(2),
    /** Where a reader can check it (https only). */
    url: httpsUrl,
    /** Year it was published or last updated, only as the source itself shows it. Never guess. */
    year: z.number().int().min(1900).max(2100).optional(),
    /** For a web page that shows no date: the day we read it, `YYYY-MM-DD`. */
    accessed: isoDate.optional(),
    /**
     * In a translation, `en` when the source exists only in English (the page then says
     * "(en inglés)"). Leave it out when the source is in the page's own language.
     */
    language: z.enum(["en", "es"]).optional(),
  })
  .refine((source) => source.year !== undefined || source.accessed !== undefined, {
    message: "give `year` (when the source shows a date) or `accessed` (the day you read an undated page)",
    path: ["year"],
  });

export type Source = z.infer<typeof sourceSchema>;

/**
 * Fields of a translation (a file under content/es/): which English entry it translates, as
 * "collection/id", and the day it was last brought in step with it. The validator checks both.
 */
export const translationFields = {
  /** The English original, e.g. `guides/insurance` or `glossary/biopsy`. */
  translationOf: z
    .string()
    .regex(
      /^(articles|guides|authors|topics|glossary)\/[a-z0-9]+(?:-[a-z0-9]+)*$/,
      "write it as collection/id, e.g. guides/insurance",
    )
    .optional(),
  /** The day the translation last matched its original, `YYYY-MM-DD`. */
  translated: isoDate.optional(),
};

/** One dated entry in a page's "Changes to this page" list, newest first or in any order. */
export const changeSchema = z.strictObject({
  /** The day the change went live, `YYYY-MM-DD`. The newest change's date is the page's `updated`. */
  date: isoDate,
  /** What changed, in one plain sentence a reader understands, e.g. "Corrected the IORT figure." */
  summary: z.string().trim().min(10, "say in a sentence what changed"),
});

export type Change = z.infer<typeof changeSchema>;

interface PostSchemaParts<Author extends z.ZodType, Topic extends z.ZodType, Image extends z.ZodType> {
  /** How a post names its author: Astro's `reference("authors")`, or a stand-in. */
  author: Author;
  /** How a post names a topic: Astro's `reference("topics")`, or a stand-in. */
  topic: Topic;
  /** How a post names its hero image: Astro's `image()`, or a stand-in. */
  image: Image;
  /** Fewest sources a page of this collection may list. */
  minSources: number;
}

/** Frontmatter of an article or a guide. */
export function postSchema<Author extends z.ZodType, Topic extends z.ZodType, Image extends z.ZodType>(
  parts: PostSchemaParts<Author, Topic, Image>,
) {
  return z
    .strictObject({
      /** The page's heading and browser title. Plain words, at most 70 characters. */
      title: z.string().min(5).max(TITLE_MAX),
      /** One or two sentences for search results, the feed and link previews: 50 to 160 characters. */
      description: z.string().min(DESCRIPTION_MIN).max(DESCRIPTION_MAX),
      /** The day the page first went public, `YYYY-MM-DD`. A future date schedules it. */
      published: isoDate,
      /** The day its content last changed in a way a reader would care about, `YYYY-MM-DD`. */
      updated: isoDate.optional(),
      /**
       * What changed and when, shown as "Changes to this page". Required once the page has an
       * `updated` date, which must be the newest change's date.
       */
      changes: z.array(changeSchema).default([]),
      /** The day a named clinical reviewer checked the page. Only when a review really happened. */
      reviewed: isoDate.optional(),
      /** Who did that review (an id in content/authors). Required with `reviewed`. */
      reviewedBy: parts.author.optional(),
      /** The day the page is due to be checked again, `YYYY-MM-DD`. */
      nextReview: isoDate.optional(),
      /** Who wrote it: an id in content/authors, e.g. `editorial-team`. */
      author: parts.author,
      /** What it is about: one or more ids in content/topics. The first is its main topic. */
      topics: z.array(parts.topic).min(1),
      /** Every source the page relies on. `<Cite id="..." />` points at these. */
      sources: z.array(sourceSchema).min(parts.minSources),
      /** Optional picture at the top. `alt` says what it shows, for people who cannot see it. */
      hero: z
        .strictObject({
          src: parts.image,
          alt: z.string().trim().min(5, "describe the picture in a few words"),
        })
        .optional(),
      /**
       * `true` on pages about U.S. law, insurance or programs (HIPAA, Medicare, state licensing):
       * the page then says that these rules apply in the United States only.
       */
      usOnly: z.boolean().default(false),
      /** `true` keeps the page out of the built site: it shows only in `npm run dev`. */
      draft: z.boolean().default(false),
      /** Old addresses of this page (e.g. on the old blog). Each redirects here permanently. */
      legacyPaths: z.array(z.string().regex(/^\/[^\s?#]*$/, "must be a path starting with /")).default([]),
      /**
       * What readers type to find this page when its words differ (an abbreviation, another
       * name), or the page's main subject when many pages mention it. Indexed for search, not shown.
       */
      keywords: z.array(z.string().min(2)).default([]),
      /** When the page is a rewrite of an older piece: what it was, who wrote it, and when. */
      adaptedFrom: z
        .strictObject({
          title: z.string().min(3),
          author: parts.author,
          published: isoDate,
        })
        .optional(),
      ...translationFields,
    })
    .superRefine((data, ctx) => {
      const published = asTime(data.published);
      const order: Array<[keyof typeof data, string]> = [
        ["updated", "the update"],
        ["reviewed", "the review"],
      ];
      for (const [field, what] of order) {
        const value = asTime(data[field]);
        if (value !== undefined && published !== undefined && value < published) {
          ctx.addIssue({
            code: "custom",
            path: [field],
            message: `${what} cannot come before \`published\``,
          });
        }
      }
      const reviewed = asTime(data.reviewed);
      const nextReview = asTime(data.nextReview);
      if (reviewed !== undefined && nextReview !== undefined && nextReview <= reviewed) {
        ctx.addIssue({
          code: "custom",
          path: ["nextReview"],
          message: "the next review must come after `reviewed`",
        });
      }
      if (data.reviewed !== undefined && data.reviewedBy === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["reviewedBy"],
          message: "say who did the review (an id in content/authors) whenever `reviewed` is set",
        });
      }
      const newestChange = Math.max(...data.changes.map((change) => asTime(change.date) ?? 0));
      const updated = asTime(data.updated);
      if (updated !== undefined && data.changes.length === 0) {
        ctx.addIssue({
          code: "custom",
          path: ["changes"],
          message: "the page has an `updated` date but no `changes` entry saying what changed",
        });
      } else if (data.changes.length > 0 && updated !== newestChange) {
        ctx.addIssue({
          code: "custom",
          path: ["updated"],
          message: `must be the date of the newest entry in \`changes\` (${new Date(newestChange).toISOString().slice(0, 10)})`,
        });
      }
      data.changes.forEach((change, index) => {
        const when = asTime(change.date);
        if (when !== undefined && published !== undefined && when < published) {
          ctx.addIssue({
            code: "custom",
            path: ["changes", index, "date"],
            message: "a change cannot come before `published`",
          });
        }
      });
      const seen = new Set<string>();
      data.sources.forEach((source, index) => {
        if (seen.has(source.id)) {
          ctx.addIssue({
            code: "custom",
            path: ["sources", index, "id"],
            message: `two sources share the id "${source.id}"; give each its own`,
          });
        }
        seen.add(source.id);
      });
    });
}

/**
 * A post schema built once (its `image` a plain string) that reads the hero picture with this
 * entry's `image()`. Astro calls a collection's schema function for every entry, to give it an
 * `image()` that resolves paths from the entry's folder; building the whole post schema each time
 * took 0.2-0.3 s per 1,000 posts, and building this wrapper and reading through it 0.04-0.05 s.
 */
export function withHeroImage<
  Shared extends z.ZodType<{ hero?: { src: string; alt: string } | undefined }>,
  Image extends z.ZodType,
>(shared: Shared, image: Image) {
  type Post = Omit<z.output<Shared>, "hero"> & { hero?: { src: z.output<Image>; alt: string } | undefined };
  return shared.transform(async (data, ctx): Promise<Post> => {
    if (!data.hero) return data as Post;
    const src = await image.safeParseAsync(data.hero.src);
    if (src.success) return { ...data, hero: { ...data.hero, src: src.data } } as Post;
    for (const issue of src.error.issues)
      ctx.addIssue({
        code: "custom",
        message: issue.message,
        path: ["hero", "src", ...issue.path],
        input: data.hero.src,
      });
    return z.NEVER;
  });
}

function asTime(value: unknown): number | undefined {
  return value instanceof Date ? value.getTime() : undefined;
}

/** A person or team credited on pages. Never invent people or credentials. */
export const authorSchema = z.strictObject({
  /** Name as shown in bylines. */
  name: z.string().min(2),
  /** `person` or `organization` (a team credited as a whole). */
  kind: z.enum(["person", "organization"]),
  /** What they do, in a few words, only as far as it is true and known. */
  role: z.string().min(2),
  /**
   * Clinical credentials as the person uses them, e.g. "MD" or "RN, OCN". Required for anyone
   * named as `reviewedBy`: a page says "Reviewed by NAME, CREDENTIALS". Never invent them.
   */
  credentials: z.string().min(2).optional(),
  /** A short, factual paragraph for the author page. */
  bio: z.string().min(10),
  ...translationFields,
});

/** A subject that groups articles and guides. */
export const topicSchema = z.strictObject({
  /** Name as shown in lists and links. */
  name: z.string().min(2),
  /** One plain sentence on what pages under this topic cover. */
  description: z.string().min(10).max(DESCRIPTION_MAX),
  ...translationFields,
});

/**
 * Front pages of the dictionaries glossary entries cite: a reader who follows one lands on a search
 * box, not on anything that says what our definition says. Each entry cites its term's own page.
 */
const DICTIONARY_FRONT_PAGES = new Set([
  "www.cancer.gov/publications/dictionaries/cancer-terms",
  "www.cancer.gov/espanol/publicaciones/diccionarios/diccionario-cancer",
]);

const isDictionaryFrontPage = (url: string) => {
  if (!URL.canParse(url)) return false;
  const { host, pathname } = new URL(url);
  return DICTIONARY_FRONT_PAGES.has(`${host}${pathname.replace(/\/+$/, "")}`);
};

/** One glossary term, used by `<Term id="..." />` and listed on /glossary/. */
export const glossarySchema = z.strictObject({
  /** The term as readers see it, e.g. "Pathologist". */
  term: z.string().min(2),
  /** A plain definition in one or two short sentences, our own words. */
  definition: z.string().min(10).max(300),
  /** Other names or spellings of the same thing, e.g. "IORT": shown as "Also called", and searched. */
  aliases: z.array(z.string().min(2)).default([]),
  /** Where the definition can be checked (e.g. NCI's Dictionary of Cancer Terms). */
  source: z.strictObject({
    title: z.string().min(3),
    publisher: z.string().min(2),
    url: httpsUrl.refine((url) => !isDictionaryFrontPage(url), {
      message:
        "is the dictionary's front page, which does not show this definition: link the term's own entry (its address has /def/ in it)",
    }),
    language: z.enum(["en", "es"]).optional(),
  }),
  ...translationFields,
});
