/**
 * `npm run bench -- --profile`: one clean build of the generated pages (`astro build`, then the
 * search-index step) under `node --cpu-prof`,
 * then where its CPU time went: self time summed by function (file and name) and by package or
 * source file, over every profile the build wrote (the main thread and each worker thread; child
 * processes such as Pagefind's backend are not Node and are not profiled).
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { REPO, childEnv, tempDir } from "../lib/processes.ts";
import { formatCount } from "./format.ts";
import { generateSite, type PageFormat } from "./generate.ts";
import { buildSteps, clearCaches, copyProject, skipEnv } from "./measure-build.ts";
import { progress } from "./progress.ts";

/** The parts of a V8 .cpuprofile this reads. */
interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileEntry {
  name: string;
  selfMs: number;
  share: number;
}

export interface ProfileSummary {
  pages: number;
  format: PageFormat;
  without: readonly string[];
  buildSeconds: number;
  profiles: number;
  /** CPU time sampled (idle time left out). */
  totalMs: number;
  /** Time a thread sat idle (waiting for I/O, a worker or native threads): not CPU, not in the shares. */
  idleMs: number;
  functions: ProfileEntry[];
  packages: ProfileEntry[];
}

export interface ProfileOptions {
  pages: number;
  format: PageFormat;
  logDir: string;
  without: readonly string[];
  /** Where the .cpuprofile files go (emptied first, kept for DevTools). */
  profileDir: string;
}

export async function profileBuild({
  pages,
  format,
  logDir,
  without,
  profileDir,
}: ProfileOptions): Promise<ProfileSummary> {
  const workspace = tempDir(`bench-profile-${pages}`);
  try {
    const project = copyProject(join(workspace.path, "project"));
    progress(`generating ${formatCount(pages)} ${format} articles...`);
    const site = generateSite(join(REPO, "content"), join(workspace.path, "content"), pages, format);
    const cacheDir = join(workspace.path, "cache");
    const profiles = profileDir;
    rmSync(profiles, { recursive: true, force: true });
    clearCaches(project, cacheDir);
    progress("clean build under node --cpu-prof...");
    const logFile = join(logDir, `profile-${pages}-${format}.log`);
    const env = childEnv({ CONTENT_DIR: site.contentDir, ASTRO_CACHE_DIR: cacheDir, ...skipEnv(without) });
    const { seconds } = await buildSteps(project, join(project, "dist"), env, logFile, [
      "--cpu-prof",
      `--cpu-prof-dir=${profiles}`,
    ]);
    const files = readdirSync(profiles).filter((name) => name.endsWith(".cpuprofile"));
    const summary = summarizeProfiles(
      files.map((name) => JSON.parse(readFileSync(join(profiles, name), "utf8")) as CpuProfile),
      project,
    );
    return { pages, format, without, buildSeconds: seconds, profiles: files.length, ...summary };
  } finally {
    workspace.remove();
  }
}

/** Self time by function and by package (or source file), summed over the profiles, largest first. */
export function summarizeProfiles(
  profiles: CpuProfile[],
  projectRoot: string,
): Pick<ProfileSummary, "totalMs" | "idleMs" | "functions" | "packages"> {
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let totalMs = 0;
  let idleMs = 0;
  for (const profile of profiles) {
    const nodes = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
    // A sample's time is the gap to the next sample (timeDeltas[i + 1]), in microseconds.
    profile.samples.forEach((id, index) => {
      const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
      const frame = nodes.get(id);
      if (!frame || ms <= 0) return;
      if (frame.functionName === "(idle)") {
        idleMs += ms;
        return;
      }
      const where = place(frame.url, projectRoot);
      const name = frame.url
        ? `${frame.functionName || "(anonymous)"}  ${where.file}:${frame.lineNumber + 1}`
        : frame.functionName;
      byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
      byPackage.set(where.owner, (byPackage.get(where.owner) ?? 0) + ms);
      totalMs += ms;
    });
  }
  const top = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .map(([name, selfMs]) => ({ name, selfMs, share: totalMs ? selfMs / totalMs : 0 }));
  return { totalMs, idleMs, functions: top(byFunction), packages: top(byPackage) };
}

/** A short file name, and who owns the code: an npm package, Node itself, V8, or a file of the project. */
function place(url: string, projectRoot: string): { file: string; owner: string } {
  // "(program)" is time in native code outside JavaScript (Rolldown's and Sätteri's Rust, for one).
  if (!url) return { file: "", owner: "(V8 and native: program, garbage collector)" };
  if (url.startsWith("node:")) return { file: url, owner: "node (built-in modules)" };
  const path = url.startsWith("file://") ? decodeURIComponent(new URL(url).pathname) : url;
  const inPackages = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(path);
  if (inPackages) return { file: `${inPackages[1]}/${inPackages[2]}`, owner: inPackages[1]! };
  const file = path.startsWith(projectRoot) ? relative(projectRoot, path) : path;
  // Vite serves project modules with a query (?astro&type=...): keep the file.
  return { file, owner: `project: ${file.split("?")[0]}` };
}

export function formatProfile(summary: ProfileSummary, limit = 25): string {
  const row = (entry: ProfileEntry) =>
    `  ${formatCount(Math.round(entry.selfMs)).padStart(7)} ms  ${(entry.share * 100).toFixed(1).padStart(5)}%  ${entry.name}`;
  return [
    `== CPU PROFILE: one clean build of ${formatCount(summary.pages)} generated ${summary.format} articles${summary.without.length ? ` (PG_SKIP=${summary.without.join(",")})` : ""}`,
    `Build ${summary.buildSeconds.toFixed(1)} s under the profiler; ${formatCount(Math.round(summary.totalMs))} ms of CPU in ${summary.profiles} profile(s) (main thread and workers; ${formatCount(Math.round(summary.idleMs))} ms idle left out). Profiles: bench-results/profiles/ (open in Chrome DevTools).`,
    "",
    "Self time by package or project file:",
    ...summary.packages.slice(0, 15).map(row),
    "",
    "Self time by function:",
    ...summary.functions.slice(0, limit).map(row),
  ].join("\n");
}
