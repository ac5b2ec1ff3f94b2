/** The feed of articles and guides, newest first, with absolute links (one feed per language). */
import type { APIContext } from "astro";
import { languageFeed } from "@/lib/feed";

export const GET = (context: APIContext) => languageFeed(context, "en");
