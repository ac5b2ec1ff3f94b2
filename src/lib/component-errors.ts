/** How an editor component stops the build: an AstroError with what was wrong and where to read more. */
import { AstroError } from "astro/errors";
import { describeProblems, propProblems, type ComponentName } from "./component-rules.ts";

const HELP = "See src/components/mdx/README.md for what each component accepts.";

/** Throws when `props` break the component's rules; a page never renders with a bad prop. */
export function assertProps(component: ComponentName, props: object): void {
  const problems = propProblems(component, props as Record<string, unknown>);
  if (problems.length > 0) {
    throw new AstroError(describeProblems(problems), HELP);
  }
}

/** Throws a component error that is not about a single prop's shape (e.g. an unknown source id). */
export function componentError(message: string): never {
  throw new AstroError(message, HELP);
}
