/**
 * The one child-process runner of the scripts (`npm test`, the benchmark, the search checks),
 * with temp folders and their cleanup. Everything a script starts or creates can register a
 * cleanup here, which runs at the end, on an error, and on Ctrl-C.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { checksInWorker, countContentFiles, tradesMemoryForTime } from "../../src/lib/site-scale.ts";
import { skippedParts } from "../../src/lib/build-flags.ts";

/** The repository root (this file is scripts/lib/processes.ts). */
export const REPO = resolve(import.meta.dirname, "../..");
export const ASTRO = join(REPO, "node_modules/astro/bin/astro.mjs");
/** `npm run build`, from a project's root: the two steps below, one after the other. */
export const BUILD_SCRIPT = "scripts/build.ts";
/** `npm run build`'s second step, from a project's root: the search index over the built site. */
export const SEARCH_INDEX_SCRIPT = "scripts/search-index.ts";
/** Starts the content check as `astro build`'s process starts (node --import), where it runs in a worker. */
export const EARLY_CHECK = join(REPO, "src/integrations/content-check-preload.ts");

/**
 * The JavaScript heap `astro build` may grow to, in MiB. V8's own limit here is 4 GiB, and a build
 * of 10,000 MDX pages filled it with garbage: 2.5 GB of heap with 0.4 GB in use, beside the
 * bundler's 4-5 GB outside it, 7.0-7.7 GiB in all. With this limit V8 collects sooner: two builds
 * of the same pages peaked at 5.9 and 6.5 GiB (6.1 with 1,792 MiB, 6.9 with 2,048), in no more
 * time. What stays in use grows by about 0.1 MB a page (1.15 GB at 10,000 pages), so a site of
 * more than some 12,000 pages needs more: a limit set in NODE_OPTIONS (--max-old-space-size=N)
 * replaces this one.
 */
export const ASTRO_BUILD_HEAP_MIB = 1536;

/**
 * How long the memory allocator of the bundler, Astro's compiler and the share cards' renderer
 * (each links mimalloc) keeps freed memory before giving it back to the system, in ms. Its
 * default, 10 ms, gave memory back between two bursts of work only to fault it in again, zeroed
 * by the kernel (perf showed rolldown's threads zeroing fresh pages). At 50 ms, cold builds of 1,000 generated pages took
 * 1-2 s less system CPU and 0.5-2.5 s less time (5 alternating pairs on `.md`, 2 on `.mdx`) at
 * the same peak. At 10,000 pages it gained nothing (204 s either way) and raised the peak from
 * 5,963 to 6,603 MiB, so big sites keep the default (src/lib/site-scale.ts). mimalloc reads the
 * setting when it loads, before Astro reads its config: it goes in the process's environment.
 */
export const ALLOCATOR_PURGE_DELAY_MS = 50;

/**
 * The same allocators' memory without transparent huge pages (`MIMALLOC_ALLOW_THP=0`), at every
 * size of site. Where the kernel gives huge pages to every large mapping (`always` in
 * /sys/kernel/mm/transparent_hugepage/enabled, as on the machine these figures come from), the
 * first touch of each 2 MiB page zeroes all of it: perf showed the kernel clearing whole huge pages
 * under Skia's and the bundler's allocations, and the share cards took 7.5 ms instead of 2 ms in
 * some processes. Cold builds of 1,000 `.md` pages, 3 alternating pairs: 8.16-8.77 s instead of
 * 8.95-9.15 s, 2.2-2.4 system CPU-s instead of 3.0-3.2, and a peak of 972-996 MB instead of
 * 1,162-1,191 MB. 10,000 `.mdx` pages, one build: a peak of 5,865 MiB (6,009 MiB the last time).
 * Where huge pages are only given on request (`madvise`), nothing changes.
 */
export const ALLOCATOR_HUGE_PAGES = { MIMALLOC_ALLOW_THP: "0" } as const;

/**
 * `npm run build`'s two Node processes (scripts/build.ts), as arguments for `process.execPath`
 * run from a project's root: `astro build`, then the search index over what it built; and the
 * environment for `astro build`: `env`, plus the allocator settings above (the purge delay for a
 * site of up to MEMORY_FOR_TIME_UP_TO_FILES content files), unless `env` sets them. Where the
 * content check runs in a worker, Node starts it before Astro loads (EARLY_CHECK).
 */
export function buildCommands(
  outDir?: string,
  env: NodeJS.ProcessEnv = process.env,
  contentFiles: number = countContentFiles(undefined, env),
): { astro: string[]; index: string[]; astroEnv: NodeJS.ProcessEnv } {
  const out = outDir ? ["--outDir", outDir] : [];
  const heap = /--max-old-space-size\b/.test(env.NODE_OPTIONS ?? "")
    ? []
    : [`--max-old-space-size=${ASTRO_BUILD_HEAP_MIB}`];
  const allocator = tradesMemoryForTime(contentFiles) ? { MIMALLOC_PURGE_DELAY: String(ALLOCATOR_PURGE_DELAY_MS) } : {};
  const earlyCheck =
    checksInWorker(contentFiles) && !skippedParts(env).has("content-check") ? ["--import", EARLY_CHECK] : [];
  return {
    astro: [...heap, ...earlyCheck, ASTRO, "build", ...out],
    index: [SEARCH_INDEX_SCRIPT, ...out],
    astroEnv: { ...ALLOCATOR_HUGE_PAGES, ...allocator, ...env },
  };
}

type Cleanup = () => void | Promise<void>;
const cleanups: Cleanup[] = [];

/** Runs `cleanup` when the benchmark ends; returns a function that unregisters it (job done). */
export function onCleanup(cleanup: Cleanup): () => void {
  cleanups.push(cleanup);
  return () => {
    const index = cleanups.indexOf(cleanup);
    if (index !== -1) cleanups.splice(index, 1);
  };
}

let cleaning: Promise<void> | undefined;
let interrupted = false;

/** Runs every pending cleanup once, newest first (servers stop before their folders go). */
export function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length) {
      try {
        await cleanups.pop()?.();
      } catch (error) {
        console.error(`[cleanup] failed: ${(error as Error).message}`);
      }
    }
  })();
  return cleaning;
}

/** True after Ctrl-C or a kill: measurements that fail from then on are not errors to report. */
export const wasInterrupted = (): boolean => interrupted;

/** Ctrl-C or a kill: stop servers and browsers and remove temp folders before exiting. */
export function cleanUpOnSignals(): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      interrupted = true;
      console.error(`\n[cleanup] ${signal}: cleaning up...`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
}

/** A new temp folder named `<prefix>-XXXXXX`, removed at cleanup or by calling `remove`. */
export function tempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const remove = () => rmSync(path, { recursive: true, force: true });
  const forget = onCleanup(remove);
  return {
    path,
    remove: () => {
      forget();
      remove();
    },
  };
}

/**
 * The environment for a child Astro process: ours minus what would change how it builds.
 * NODE_ENV/MODE/DEV/PROD/SSR and TEST/VITEST* (set by Vite or a test runner) would make
 * `astro build` act like dev (drafts shown, images unoptimized); BASE_PATH, SITE_URL,
 * CONTENT_DIR and ASTRO_CACHE_DIR would build other pages or URLs than the caller asked for
 * (callers pass their own in `extra`).
 */
const LEAKED =
  /^(NODE_ENV|MODE|DEV|PROD|SSR|TEST|VITEST.*|BASE_URL|BASE_PATH|SITE_URL|CONTENT_DIR|ASTRO_CACHE_DIR|PG_SKIP)$/;
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ASTRO_TELEMETRY_DISABLED: "1", NO_COLOR: "1" };
  for (const [name, value] of Object.entries(process.env)) if (!LEAKED.test(name)) env[name] = value;
  return { ...env, ...extra };
}

export interface RunResult {
  code: number;
  /** Everything the command printed; empty when its output went to the terminal. */
  output: string;
  seconds: number;
  /** CPU time (user + system) of the command and the processes it waited for; Linux only. */
  cpuSeconds: number | undefined;
}

export interface RunOptions {
  cwd?: string;
  /** The whole environment of the command (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** Output is kept and written here as it comes; without one it goes to the terminal. */
  logFile?: string;
  /** Called once the process exists, e.g. to start watching its memory. */
  onStart?: (child: ChildProcess) => void;
}

/** Runs a command to completion, timing it from spawn to exit; killed at cleanup if still running. */
export function runProcess(
  command: string,
  args: string[],
  { cwd, env, logFile, onStart }: RunOptions = {},
): Promise<RunResult> {
  if (logFile) mkdirSync(dirname(logFile), { recursive: true });
  const log = logFile ? createWriteStream(logFile) : undefined;
  return new Promise((resolve, reject) => {
    if (interrupted) return reject(new Error("interrupted"));
    const started = performance.now();
    const cpuBefore = reapedChildrenCpu();
    const child = spawn(command, args, { cwd, env, stdio: log ? ["ignore", "pipe", "pipe"] : "inherit" });
    const forget = onCleanup(() => void child.kill("SIGTERM"));
    let output = "";
    const keep = (chunk: Buffer) => {
      output += chunk.toString();
      log?.write(chunk);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      const cpuAfter = reapedChildrenCpu();
      log?.end();
      forget();
      resolve({
        code: code ?? 1,
        output,
        seconds,
        cpuSeconds: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
      });
    });
    onStart?.(child);
  });
}

/** A package's command-line script from node_modules/.bin, run with this Node. */
export const runBin = (name: string, args: string[], options?: RunOptions): Promise<RunResult> =>
  runProcess(process.execPath, [join(REPO, "node_modules/.bin", name), ...args], options);

/**
 * CPU seconds of this process's finished children (cutime + cstime in /proc/self/stat). On a
 * busy machine the wall-clock time of a build grows with the wait for a CPU; its CPU time does
 * not, so both are reported. Linux counts in USER_HZ, which is 100 on every platform Node runs on.
 */
function reapedChildrenCpu(): number | undefined {
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]?.split(" ") ?? [];
    const [cutime, cstime] = [Number(fields[13]), Number(fields[14])];
    return Number.isFinite(cutime) && Number.isFinite(cstime) ? (cutime + cstime) / 100 : undefined;
  } catch {
    return undefined;
  }
}

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Astro's log lines carry colour codes even when asked not to, in places: strip them before parsing. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with the escape character.
export const stripAnsi = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, "");
