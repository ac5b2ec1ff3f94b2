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

/** A phone line of the organization: what it is for and which places it serves, as a source says. */
export interface PhoneLine extends Phone {
  /** What the line is for and where, e.g. "Second opinions at the hospitals in Arizona, Illinois and Georgia". */
  serves: string;
}

/** A free helpline run by another organization, independent of the cancer center. */
export interface Helpline {
  name: string;
  phone: Phone;
  /** What the source says about it (languages, cost, chat). No hours unless a source gives them. */
  note: string;
  /** The organization's page that lists the number. */
  url: string;
}

export interface SiteConfig {
  /** Name of the site, shown in the header, titles and feeds. */
  name: string;
  /** One sentence on what the site is, for the home page and the feed. */
  tagline: string;
  organization: {
    name: string;
    url: string;
    /** The main number, shown in calls to action (City of Hope's number for its Duarte campus). */
    phone: Phone;
    /** Every number readers may need, with the places it serves. Shown on the About page. */
    phones: readonly PhoneLine[];
    /** Where the organization runs hospitals, in a few words (shown on About). */
    locations: string;
  };
  /** Independent helplines, shown with the emergency line on every article and guide. */
  helplines: readonly Helpline[];
  /** One line for emergencies, shown with the helplines. */
  emergency: string;
  /**
   * Where "Report a problem with this page" goes: an issue form on the site's repository, which
   * works on any static host without a server of ours. The page's address and title are added as
   * query parameters named by `pageField` and `titleField`.
   */
  feedback: {
    /** The form's address, e.g. https://github.com/OWNER/REPO/issues/new?template=page-problem.yml */
    url: string;
    /** Query parameter (the form field's id) that carries the page's address. */
    pageField: string;
  };
  /**
   * Where a local build is served (`npm start`, `npm test`). A deploy sets the public address
   * in the SITE_URL environment variable, and with DEPLOY=1 a build without it stops (see
   * `siteUrl()` in src/lib/site-url.ts): canonical links, feeds and printed pages never carry a
   * made-up domain.
   */
  localUrl: string;
  /** Language of every page (the `lang` attribute and the feed). */
  lang: string;
  nav: readonly NavItem[];
  /** The note on every page: this site informs, the care team advises. */
  disclaimer: string;
  /** Who is credited as the default author of new posts (an id in content/authors). */
  defaultAuthor: string;
  /**
   * The home page's "Just diagnosed? Start here" path: the page to read first, then the steps in
   * order, each as "collection/id". The build stops if one is missing or unpublished.
   */
  startHere: { first: string; steps: readonly string[] };
}

export const site: SiteConfig = {
  name: "Patient Guides",
  tagline:
    "Plain-language guides for people with cancer and their families, from City of Hope.",
  organization: {
    name: "City of Hope",
    url: "https://www.cityofhope.org",
    phone: { display: "800-826-HOPE (4673)", e164: "+18008264673" },
    phones: [
      {
        display: "800-826-HOPE (4673)",
        e164: "+18008264673",
        serves: "New patient services at City of Hope's campus in Duarte, California",
      },
      { display: "877-460-4673", e164: "+18774604673", serves: "Appointments" },
      {
        display: "888-552-6760",
        e164: "+18885526760",
        serves: "Second opinions at City of Hope's hospitals in Arizona, Illinois and Georgia",
      },
    ],
    locations: "California, Arizona, Illinois and Georgia",
  },
  helplines: [
    {
      name: "National Cancer Institute's Cancer Information Service",
      phone: { display: "1-800-4-CANCER (1-800-422-6237)", e164: "+18004226237" },
      note: "Free, in English and Spanish; you can also chat online.",
      url: "https://www.cancer.gov/contact",
    },
    {
      name: "American Cancer Society",
      phone: { display: "1-800-227-2345", e164: "+18002272345" },
      note: "Free information and support.",
      url: "https://www.cancer.org/",
    },
  ],
  emergency: "In an emergency, call 911.",
  feedback: {
    url: `https://github.com/${process.env.SITE_REPOSITORY ?? process.env.GITHUB_REPOSITORY ?? "cityofhope/patient-guides"}/issues/new?template=page-problem.yml`,
    pageField: "page",
  },
  localUrl: "http://localhost:4321",
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
  startHere: {
    first: "articles/getting-a-second-opinion",
    steps: [
      "guides/talking-to-your-doctor",
      "guides/medical-records",
      "guides/questions-to-ask",
      "guides/insurance",
      "guides/clinical-trials",
    ],
  },
};
