/** The site's own share image (/share/site.png), for pages that are not a post. */
import { renderShareImage } from "@/lib/share-image";
import { site } from "@/site.config";

export async function GET() {
  const png = await renderShareImage({
    title: site.name,
    description: site.tagline,
    siteName: site.name,
    organizationName: site.organization.name,
  });
  return new Response(png, { headers: { "Content-Type": "image/png" } });
}
