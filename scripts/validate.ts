/** `npm run validate`: checks all content as the build will, without building. Exit 1 on problems. */
import { validateContent, formatReport } from "../src/lib/validate/index.ts";
import { contentDir } from "../src/lib/paths.ts";

const started = performance.now();
const problems = validateContent({ contentDir: contentDir() });
const ms = Math.round(performance.now() - started);
if (problems.length > 0) {
  console.error(formatReport(problems));
  process.exit(1);
}
console.log(`Content check: no problems (${ms} ms).`);
