/** The Spanish feed: the Spanish articles and guides, newest first. */
import type { APIContext } from "astro";
import { languageFeed } from "@/lib/feed";

export const GET = (context: APIContext) => languageFeed(context, "es");
