/** Renders an Astro component through the container API and queries the result as HTML. */
import { experimental_AstroContainer as AstroContainer } from "astro/container";
import { fromHtml } from "hast-util-from-html";
import { select, selectAll } from "hast-util-select";
import { toString as textOf } from "hast-util-to-string";
import type { Element, Root } from "hast";

type AstroComponent = Parameters<AstroContainer["renderToString"]>[0];
interface RenderOptions {
  props?: Record<string, unknown>;
  slots?: Record<string, string>;
  locals?: App.Locals;
}

let container: AstroContainer | undefined;

export async function renderHtml(component: AstroComponent, options: RenderOptions = {}): Promise<string> {
  container ??= await AstroContainer.create();
  return container.renderToString(component, options);
}

export interface Rendered {
  html: string;
  tree: Root;
  /** First element matching a CSS selector; throws when there is none, so tests fail loudly. */
  one(selector: string): Element;
  all(selector: string): Element[];
  text(selector?: string): string;
}

export async function render(component: AstroComponent, options: RenderOptions = {}): Promise<Rendered> {
  const html = await renderHtml(component, options);
  const tree = fromHtml(html, { fragment: true });
  const one = (selector: string) => {
    const found = select(selector, tree);
    if (!found) throw new Error(`no element matches ${selector} in:\n${html}`);
    return found;
  };
  return {
    html,
    tree,
    one,
    all: (selector) => selectAll(selector, tree),
    text: (selector) => (selector ? textOf(one(selector)) : textOf(tree)).replace(/\s+/g, " ").trim(),
  };
}

/** An attribute of an element as a string (hast stores class lists and numbers differently). */
export function attr(element: Element, name: string): string | undefined {
  const value = element.properties[name];
  if (value === undefined || value === null || value === false) return undefined;
  return Array.isArray(value) ? value.join(" ") : String(value);
}
