/**
 * Site identity: the one place for the organization's name, phone, URLs and navigation.
 * Components and scripts import from here; nothing else hard-codes these values. Text readers
 * see is given in every language of the site (`Localized`); interface wording is in src/i18n/.
 */
import type { Locale } from "./lib/i18n.ts";

/** Text in each language of the site: a missing language is a type error. */
export type Localized<T = string> = Record<Locale, T>;

export interface NavItem {
  /** Its label's key in the interface dictionary (src/i18n/en.ts, `nav`). */
  key: "guides" | "articles" | "topics" | "glossary";
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
  serves: Localized;
}

/** A free helpline run by another organization, independent of the cancer center. */
export interface Helpline {
  name: Localized;
  phone: Phone;
  /** What the source says about it (languages, cost, chat). No hours unless a source gives them. */
  note: Localized;
  /** The organization's page that lists the number. */
  url: string;
}

export interface SiteConfig {
  /** Name of the site, shown in the header, titles and feeds. */
  name: Localized;
  /** One sentence on what the site is, for the home page and the feed. */
  tagline: Localized;
  organization: {
    name: string;
    url: string;
    /** The main number, shown in calls to action (City of Hope's number for its Duarte campus). */
    phone: Phone;
    /** Every number readers may need, with the places it serves. Shown on the About page. */
    phones: readonly PhoneLine[];
    /**
     * Lines for places the main number does not serve, shown under it in calls to action, so a
     * reader near those places is not sent to another campus's line.
     */
    regionalLines: readonly PhoneLine[];
    /** Where the organization runs hospitals, in a few words (shown on About). */
    locations: Localized;
  };
  /** Independent helplines, shown with the emergency line on every article and guide. */
  helplines: readonly Helpline[];
  /** One line for emergencies, shown with the helplines. */
  emergency: Localized;
  /**
   * The federal rule on free language help (HHS, Section 1557), shown with the helplines: what it
   * requires, said only as far as the rule says it. The wording is in src/i18n (`help`).
   */
  languageHelpSource: string;
  /**
   * Where "Report a problem with this page" goes: an issue form on the site's repository, which
   * works on any static host without a server of ours. The page's title is added as the issue's
   * `title` query parameter, and its address as the one named by `pageField` (src/lib/feedback.ts).
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
  nav: readonly NavItem[];
  /** The note on every page: this site informs, the care team advises. */
  disclaimer: Localized;
  /** Who is credited as the default author of new posts (an id in content/authors). */
  defaultAuthor: string;
  /**
   * The home page's "Just diagnosed? Start here" path: the page to read first, then the steps in
   * order, each as "collection/id". The build stops if one is missing or unpublished.
   */
  startHere: { first: string; steps: readonly string[] };
}

const otherHospitalsSecondOpinions: PhoneLine = {
  display: "888-552-6760",
  e164: "+18885526760",
  serves: {
    en: "Second opinions at City of Hope's hospitals in Arizona, Illinois and Georgia",
    es: "Segundas opiniones en los hospitales de City of Hope en Arizona, Illinois y Georgia",
  },
};

export const site: SiteConfig = {
  name: { en: "Patient Guides", es: "Guías para Pacientes" },
  tagline: {
    en: "Plain-language guides for people with cancer and their families, from City of Hope.",
    es: "Guías en lenguaje sencillo para personas con cáncer y sus familias, de City of Hope.",
  },
  organization: {
    name: "City of Hope",
    url: "https://www.cityofhope.org",
    phone: { display: "800-826-HOPE (4673)", e164: "+18008264673" },
    phones: [
      {
        display: "800-826-HOPE (4673)",
        e164: "+18008264673",
        serves: {
          en: "New patient services at City of Hope's campus in Duarte, California",
          es: "Servicios para pacientes nuevos en el campus de City of Hope en Duarte, California",
        },
      },
      { display: "877-460-4673", e164: "+18774604673", serves: { en: "Appointments", es: "Citas" } },
      otherHospitalsSecondOpinions,
    ],
    regionalLines: [otherHospitalsSecondOpinions],
    locations: { en: "California, Arizona, Illinois and Georgia", es: "California, Arizona, Illinois y Georgia" },
  },
  helplines: [
    {
      name: {
        en: "National Cancer Institute's Cancer Information Service",
        es: "Servicio de Información sobre el Cáncer del NCI",
      },
      phone: { display: "1-800-4-CANCER (1-800-422-6237)", e164: "+18004226237" },
      note: {
        en: "Free, in English and Spanish; you can also chat online.",
        es: "Gratis, en inglés y en español; también puede chatear en línea.",
      },
      url: "https://www.cancer.gov/contact",
    },
    {
      name: { en: "American Cancer Society", es: "Sociedad Americana Contra El Cáncer" },
      phone: { display: "1-800-227-2345", e164: "+18002272345" },
      note: { en: "Free information and support.", es: "Información y apoyo gratuitos." },
      url: "https://www.cancer.org/",
    },
  ],
  emergency: { en: "In an emergency, call 911.", es: "En una emergencia, llame al 911." },
  languageHelpSource: "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-A/part-92/subpart-C/section-92.201",
  feedback: {
    url: `https://github.com/${process.env.SITE_REPOSITORY ?? process.env.GITHUB_REPOSITORY ?? "cityofhope/patient-guides"}/issues/new?template=page-problem.yml`,
    pageField: "page",
  },
  localUrl: "http://localhost:4321",
  nav: [
    { key: "guides", href: "/guides/" },
    { key: "articles", href: "/articles/" },
    { key: "topics", href: "/topics/" },
    { key: "glossary", href: "/glossary/" },
  ],
  disclaimer: {
    en: "This site gives general information. It does not replace advice from your own doctor or care team, who know your situation. If you have a medical emergency, call 911.",
    es: "Este sitio da información general. No reemplaza los consejos de su médico o de su equipo de atención, que conocen su situación. Si tiene una emergencia médica, llame al 911.",
  },
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
