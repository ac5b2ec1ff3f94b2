/** Share image of every published article (/share/articles/<id>.png) and guide (/share/guides/<id>.png). */
import type { APIContext } from "astro";
import { getPosts } from "@/lib/content";
import { renderShareImage } from "@/lib/share-image";
import { kindOf } from "@/lib/posts";
import { site } from "@/site.config";

export async function getStaticPaths() {
  const posts = await getPosts();
  return posts.map((post) => ({
    params: { collection: post.collection, id: post.id },
    props: { title: post.data.title, kind: kindOf(post.collection) },
  }));
}

interface Props {
  title: string;
  kind: "Article" | "Guide";
}

export async function GET({ props }: APIContext<Props>) {
  const png = await renderShareImage({
    title: props.title,
    kind: props.kind,
    siteName: site.name,
    organizationName: site.organization.name,
  });
  return new Response(png, { headers: { "Content-Type": "image/png" } });
}
