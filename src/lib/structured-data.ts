/**
 * Schema.org data (JSON-LD) that search engines read: a MedicalWebPage for each article and
 * guide, and a BreadcrumbList for nested pages. Built only from real data: `lastReviewed` and
 * `reviewedBy` appear only when a named review happened. A page's topics are listed on the page
 * itself, not repeated here as `about` (plain Things, up to 70 bytes gzipped of an article's 14 KB).
 */
import { isoDay } from "./dates.ts";

interface Named {
  name: string;
  /** Absolute URL of their page on this site. */
  url: string;
}

export interface MedicalPageInput {
  url: string;
  title: string;
  imageUrl: string;
  published: Date;
  updated?: Date | undefined;
  reviewed?: Date | undefined;
  reviewer?: Named | undefined;
  author: Named & { kind: "person" | "organization" };
  publisher: { name: string; url: string };
  adaptedFrom?: { title: string; author: string; published: Date } | undefined;
  language: string;
}

export function medicalWebPage(page: MedicalPageInput): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "MedicalWebPage",
    url: page.url,
    headline: page.title,
    inLanguage: page.language,
    image: page.imageUrl,
    datePublished: isoDay(page.published),
    dateModified: isoDay(page.updated ?? page.published),
    ...(page.reviewed && page.reviewer
      ? {
          lastReviewed: isoDay(page.reviewed),
          reviewedBy: { "@type": "Person", name: page.reviewer.name, url: page.reviewer.url },
        }
      : {}),
    author: {
      "@type": page.author.kind === "person" ? "Person" : "Organization",
      name: page.author.name,
      url: page.author.url,
    },
    publisher: { "@type": "Organization", name: page.publisher.name, url: page.publisher.url },
    ...(page.adaptedFrom
      ? {
          isBasedOn: {
            "@type": "Article",
            name: page.adaptedFrom.title,
            author: { "@type": "Person", name: page.adaptedFrom.author },
            datePublished: isoDay(page.adaptedFrom.published),
          },
        }
      : {}),
  };
}

/** BreadcrumbList from a trail of absolute URLs; the last crumb (this page) has no link. */
export function breadcrumbList(
  trail: ReadonlyArray<{ name: string; url?: string | undefined }>,
): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: trail.map((crumb, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: crumb.name,
      ...(crumb.url ? { item: crumb.url } : {}),
    })),
  };
}

/** JSON for a <script type="application/ld+json">: `<` escaped so the text cannot end the element. */
export const jsonLdText = (data: unknown): string => JSON.stringify(data).replace(/</g, "\\u003c");
