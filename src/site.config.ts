/**
 * Site identity: the one place for the organization's name, phone, URLs and navigation.
 * Components and scripts import from here; nothing else hard-codes these values.
 */

export interface NavItem {
  label: string;
  /** Path from the site root, without the base path (e.g. "/guides/"). */
  href: string;
}

export interface Phone {
  /** How people read and dial it: shown on the page. */
  display: string;
  /** E.164 form for `tel:` links, so every phone dials it the same way. */
  e164: string;
}

export interface SiteConfig {
  /** Name of the site, shown in the header, titles and feeds. */
  name: string;
  /** One sentence on what the site is, for the home page and the feed. */
  tagline: string;
  organization: {
    name: string;
    url: string;
    phone: Phone;
  };
  /**
   * Public origin of the production site. Deploys override it with the SITE_URL
   * environment variable (see deploy/README.md); canonical URLs, the feed and the sitemap use it.
   */
  url: string;
  /** Language of every page (the `lang` attribute and the feed). */
  lang: string;
  nav: readonly NavItem[];
  /** The note on every page: this site informs, the care team advises. */
  disclaimer: string;
  /** Who is credited as the default author of new posts (an id in content/authors). */
  defaultAuthor: string;
}

export const site: SiteConfig = {
  name: "Patient Guides",
  tagline:
    "Plain-language guides for people with cancer and their families, from City of Hope.",
  organization: {
    name: "City of Hope",
    url: "https://www.cityofhope.org",
    phone: { display: "800-826-HOPE (4673)", e164: "+18008264673" },
  },
  url: "https://patient-guides.example.org",
  lang: "en",
  nav: [
    { label: "Guides", href: "/guides/" },
    { label: "Articles", href: "/articles/" },
    { label: "Topics", href: "/topics/" },
    { label: "Glossary", href: "/glossary/" },
  ],
  disclaimer:
    "This site gives general information. It does not replace advice from your own doctor or care team, who know your situation. If you have a medical emergency, call 911.",
  defaultAuthor: "editorial-team",
};
