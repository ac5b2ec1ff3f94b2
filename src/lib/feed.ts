/** An RSS feed of one language's articles and guides, newest first, with absolute links. */
import rss from "@astrojs/rss";
import type { APIContext } from "astro";
import { getPosts } from "./collections.ts";
import { pathOf } from "./posts.ts";
import { withBase } from "./urls.ts";
import { localePath, type Locale } from "./i18n.ts";
import { site } from "../site.config.ts";

export async function languageFeed(context: APIContext, locale: Locale): Promise<Response> {
  const posts = await getPosts(undefined, locale);
  return rss({
    title: site.name[locale],
    description: site.tagline[locale],
    site: new URL(withBase(localePath("/", locale)), context.site).href,
    items: posts.map((post) => ({
      title: post.data.title,
      description: post.data.description,
      pubDate: post.data.published,
      link: new URL(withBase(pathOf(post)), context.site).href,
      categories: post.data.topics.map((topic) => topic.id),
    })),
    customData: `<language>${locale}</language>`,
  });
}
