/**
 * The build's content check in its own thread (src/integrations/content-guard.ts): what it
 * parses and throws away lives and dies with this thread's heap, and the build gets back only
 * the report and each post's body facts.
 */
import { parentPort, workerData } from "node:worker_threads";
import { keptFacts } from "../lib/content/index.ts";
import { inspectContent, type ValidateOptions } from "../lib/validate/index.ts";

const { problems, redirects, published, overdue } = inspectContent(workerData as ValidateOptions);
parentPort!.postMessage({ problems, redirects, published, overdue, facts: keptFacts() });
