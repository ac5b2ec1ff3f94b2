/**
 * The HTML of each editor component, as hast, in one place. Two renderers use it: a post's body
 * rendered when the build reads content (src/lib/markdown/static-mdx.ts), and the .astro
 * components beside this file, which `astro dev` and the tests render. `children` is the
 * component's content: the body's own nodes, or the HTML Astro rendered for the slot (a `raw` node).
 */
import type { Element, ElementContent, Properties, Text } from "hast";
import { toHtml } from "hast-util-to-html";
import { ui } from "../../i18n/index.ts";
import { localePath, type Locale } from "../../lib/i18n.ts";
import { KEY_FACTS_ID, NEXT_STEPS_ID, termAnchor } from "../../lib/page-ids.ts";
import type { CalloutType } from "../../lib/component-rules.ts";
import { glossaryPath, withBase } from "../../lib/urls.ts";
import { site, type Phone } from "../../site.config.ts";

/** Options for `toHtml`: the slot's HTML is kept as written; `&` is written `&amp;`, as MDX writes it. */
export const MARKUP_HTML = { allowDangerousHtml: true, characterReferences: { useNamedReferences: true } } as const;

/** Component markup as an HTML string (the .astro components write it with `set:html`). */
export const markupHtml = (nodes: ElementContent | ElementContent[]): string => toHtml(nodes, MARKUP_HTML);

/** HTML Astro has rendered (a slot), as a node of the tree. */
export const rawHtml = (value: string): ElementContent => ({ type: "raw", value }) as unknown as ElementContent;

const text = (value: string): Text => ({ type: "text", value });
// Properties as hast-util-to-html reads them (true: an attribute without a value, as `popover`).
const element = (
  tagName: string,
  properties: Record<string, string | number | boolean | string[]>,
  children: ElementContent[] = [],
): Element => ({ type: "element", tagName, properties: properties as Properties, children });

export function calloutMarkup(
  { type = "note", title }: { type?: CalloutType | undefined; title?: string | undefined },
  locale: Locale,
  children: ElementContent[],
): Element {
  return element("div", { className: ["callout", `callout--${type}`], role: "note" }, [
    element("p", { className: ["callout__title"] }, [text(title ?? ui(locale).components.callout[type])]),
    element("div", { className: ["callout__body"] }, children),
  ]);
}

/** A titled box of the page (key points, next steps): its section, heading and content. */
const titledBox = (block: string, id: string, title: string, children: ElementContent[]): Element =>
  element("section", { className: [block], ariaLabelledBy: id }, [
    element("h2", { id, className: [`${block}__title`] }, [text(title)]),
    ...children,
  ]);

export const keyFactsMarkup = (title: string | undefined, locale: Locale, children: ElementContent[]): Element =>
  titledBox("key-facts", KEY_FACTS_ID, title ?? ui(locale).components.keyFacts, children);

export const nextStepsMarkup = (title: string | undefined, locale: Locale, children: ElementContent[]): Element =>
  titledBox("next-steps", NEXT_STEPS_ID, title ?? ui(locale).components.nextSteps, children);

/** A phone number as a link every phone can dial (src/components/PhoneLink.astro's markup). */
export const phoneLinkMarkup = (phone: Phone = site.organization.phone, className?: string): Element =>
  element("a", { className: ["phone-link", ...(className ? [className] : [])], href: `tel:${phone.e164}` }, [
    text(phone.display),
  ]);

/** `lead`: the editor's words before "call <number>", or undefined for the default lead. */
export function callUsMarkup(lead: ElementContent[] | undefined, locale: Locale): Element {
  const t = ui(locale).components;
  const organization = site.organization.name;
  return element("aside", { className: ["call-us"], ariaLabel: t.callUsLabel(organization) }, [
    element("p", { className: ["call-us__line"] }, [
      ...(lead ?? [rawHtml(t.callUsLead(organization))]),
      text(` ${t.callUsCall} `),
      phoneLinkMarkup(),
      text("."),
    ]),
    ...site.organization.regionalLines.map((line) =>
      element("p", {}, [text(`${line.serves[locale]}: `), phoneLinkMarkup(line), text(".")]),
    ),
    element("p", {}, [text(t.callUsNote)]),
  ]);
}

/** `items`: each item's inner HTML, from the list inside the component (src/lib/checklist.ts). */
export function checklistMarkup(
  { id, title, answerLines = 0 }: { id: string; title: string; answerLines?: number | undefined },
  items: readonly string[],
  locale: Locale,
): Element {
  const t = ui(locale).components;
  const lines = Array.from({ length: answerLines }, () => element("span", { className: ["checklist__line"] }));
  return element("patient-checklist", { dataListId: id, dataCleared: t.ticksCleared }, [
    element("section", { className: ["checklist"], id, ariaLabelledBy: `${id}-title` }, [
      element("h3", { id: `${id}-title`, className: ["checklist__title"] }, [text(title)]),
      element(
        "ul",
        { className: ["checklist__items"] },
        items.map((html, index) => {
          const box = `${id}-${index + 1}`;
          return element("li", { className: ["checklist__item"] }, [
            element("input", { type: "checkbox", id: box, name: box }),
            element("label", { htmlFor: box }, [rawHtml(html)]),
            ...(lines.length > 0
              ? [element("span", { className: ["checklist__lines"], ariaHidden: "true" }, lines)]
              : []),
          ]);
        }),
      ),
      element("p", { className: ["checklist__actions"], hidden: true }, [
        element("button", { type: "button", className: ["checklist__clear"] }, [text(t.clearTicks)]),
        element("span", { className: ["checklist__status"], role: "status" }),
      ]),
    ]),
  ]);
}

/** What a term's popover shows from its glossary entry. */
export interface GlossaryDefinition {
  term: string;
  definition: string;
}

/** A term's words when the editor wrote none inside the tag: the glossary's term, in lowercase. */
export const defaultTermWords = (entry: GlossaryDefinition): string => entry.term.toLowerCase();

/**
 * A glossary term. Its first use on a page is a button that opens the definition (a native
 * popover) with a link to the glossary; later uses are the words alone.
 */
export function termMarkup(
  id: string,
  entry: GlossaryDefinition,
  words: ElementContent[],
  { locale, firstUse, base }: { locale: Locale; firstUse: boolean; base?: string | undefined },
): ElementContent[] {
  if (!firstUse) return words;
  const definitionId = termAnchor(id);
  return [
    element("button", { type: "button", className: ["term__button"], popoverTarget: definitionId }, words),
    element("span", { id: definitionId, className: ["term__definition"], popover: true, dataPagefindIgnore: true }, [
      text(`${entry.definition} `),
      element("a", { href: withBase(localePath(glossaryPath(id), locale), base) }, [
        text(ui(locale).components.moreInGlossary),
      ]),
    ]),
  ];
}
