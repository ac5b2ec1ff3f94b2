/**
 * What each editor component accepts, in one place. The components check their props with
 * these rules when the page is built; the content validator checks the same rules straight from
 * the MDX source, so an editor hears about a bad prop before a build even starts.
 */

interface PropRule {
  required?: boolean;
  /** How the accepted values are described to an editor. */
  accepts: string;
  check: (value: unknown) => boolean;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const isText = (value: unknown) => typeof value === "string" && value.trim().length > 0;
const isSlug = (value: unknown) => typeof value === "string" && SLUG.test(value);
const oneOf =
  (...allowed: string[]) =>
  (value: unknown) =>
    typeof value === "string" && allowed.includes(value);

export const CALLOUT_TYPES = ["note", "tip", "warning"] as const;
export type CalloutType = (typeof CALLOUT_TYPES)[number];
export const MAX_ANSWER_LINES = 6;

export const componentRules = {
  Callout: {
    type: { accepts: '"note", "tip" or "warning"', check: oneOf(...CALLOUT_TYPES) },
    title: { accepts: "a short heading text", check: isText },
  },
  KeyFacts: {
    title: { accepts: "a short heading text", check: isText },
  },
  Checklist: {
    id: { required: true, accepts: "lowercase words joined by hyphens, e.g. questions-about-cost", check: isSlug },
    title: { required: true, accepts: "a short heading text", check: isText },
    answerLines: {
      accepts: `a whole number from 0 to ${MAX_ANSWER_LINES}, written in braces: answerLines={2}`,
      check: (value: unknown) =>
        Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_ANSWER_LINES,
    },
  },
  NextSteps: {
    title: { accepts: "a short heading text", check: isText },
  },
  CallUs: {},
  Cite: {
    id: { required: true, accepts: "the id of an entry in this page's sources", check: isSlug },
  },
  Term: {
    id: { required: true, accepts: "the file name of an entry in content/glossary/ (without .yaml)", check: isSlug },
  },
} satisfies Record<string, Record<string, PropRule>>;

export type ComponentName = keyof typeof componentRules;

export const isEditorComponent = (name: string): name is ComponentName => Object.hasOwn(componentRules, name);

export interface PropProblem {
  /** Names the component, the prop and the bad value. */
  message: string;
  /** What the component accepts instead. */
  fix: string;
}

/**
 * Problems with the props given to a component, each naming the component, the bad value and
 * what it accepts. Empty when all is well.
 */
export function propProblems(component: ComponentName, props: Record<string, unknown>): PropProblem[] {
  const rules: Record<string, PropRule> = componentRules[component];
  const problems: PropProblem[] = [];
  for (const [name, rule] of Object.entries(rules)) {
    const value = props[name];
    if (value === undefined) {
      if (rule.required)
        problems.push({ message: `<${component}> needs a \`${name}\``, fix: `add ${name}: ${rule.accepts}` });
    } else if (!rule.check(value)) {
      problems.push({
        message: `<${component}> got ${name}=${JSON.stringify(value)}`,
        fix: `\`${name}\` must be ${rule.accepts}`,
      });
    }
  }
  const known = Object.keys(rules);
  for (const name of Object.keys(props)) {
    if (name === "children" || known.includes(name)) continue;
    problems.push({
      message: `<${component}> has no prop called \`${name}\``,
      fix: known.length
        ? `remove it; <${component}> accepts: ${known.join(", ")}`
        : `remove it; <${component}> takes no props`,
    });
  }
  return problems;
}

/** What the editor reads when props break the rules: each problem with its fix. */
export const describeProblems = (problems: readonly PropProblem[]): string =>
  problems.map((problem) => `${problem.message}: ${problem.fix}.`).join(" ");

/**
 * The components' own checks beyond their props, in the words the editor reads, whether the
 * .astro component or a built post's body (src/lib/markdown/static-mdx.ts) finds the mistake.
 */
export const componentMistakes = {
  unknownSource: (id: string, sources: readonly string[]) =>
    `<Cite> got id="${id}", but this page has no source with that id. Its sources are: ${sources.join(", ")}.`,
  unknownTerm: (id: string) =>
    `<Term> got id="${id}", but content/glossary/${id}.yaml does not exist. Add it, or use an existing term's id.`,
  checklistWithoutList: (id: string) =>
    `<Checklist id="${id}"> needs a Markdown list inside it: one "- " line per item.`,
};
