/** The feed of articles and guides, newest first, with absolute links. */
import rss from "@astrojs/rss";
import type { APIContext } from "astro";
import { getPosts } from "@/lib/content";
import { pathOf } from "@/lib/posts";
import { withBase } from "@/lib/urls";
import { site } from "@/site.config";

export async function GET(context: APIContext) {
  const posts = await getPosts();
  return rss({
    title: site.name,
    description: site.tagline,
    site: new URL(withBase("/"), context.site).href,
    items: posts.map((post) => ({
      title: post.data.title,
      description: post.data.description,
      pubDate: post.data.published,
      link: new URL(withBase(pathOf(post)), context.site).href,
      categories: post.data.topics.map((topic) => topic.id),
    })),
    customData: `<language>${site.lang}</language>`,
  });
}
