/**
 * Peak memory of a process and everything it starts (Pagefind runs as a child of the build),
 * read from /proc every ~100 ms. Linux only: elsewhere there is no /proc and the figure is n/a.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";

export interface MemoryPeak {
  /** The figure reported: the larger of the two below, in MiB. */
  peakMiB: number;
  /** Highest total resident memory of the process tree in one sample. */
  treeRssMiB: number;
  /** The kernel's high-water mark for the main process (catches spikes between samples). */
  mainHwmMiB: number;
  samples: number;
  /** Most processes seen in the tree at once. */
  processes: number;
}

export interface MemoryWatch {
  /** Stops sampling; undefined when memory cannot be read on this system. */
  stop(): MemoryPeak | undefined;
}

const KIB_PER_MIB = 1024;

export function watchMemory(pid: number, intervalMs = 100): MemoryWatch {
  if (process.platform !== "linux" || !existsSync(`/proc/${pid}/status`)) return { stop: () => undefined };
  const peak: MemoryPeak = { peakMiB: 0, treeRssMiB: 0, mainHwmMiB: 0, samples: 0, processes: 0 };
  const sample = () => {
    const tree = processTree(pid);
    let rssKiB = 0;
    for (const member of tree) {
      const status = readStatus(member);
      if (!status) continue;
      rssKiB += status.rssKiB;
      if (member === pid) peak.mainHwmMiB = Math.max(peak.mainHwmMiB, status.hwmKiB / KIB_PER_MIB);
    }
    peak.treeRssMiB = Math.max(peak.treeRssMiB, rssKiB / KIB_PER_MIB);
    peak.processes = Math.max(peak.processes, tree.length);
    peak.samples++;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      peak.peakMiB = Math.max(peak.treeRssMiB, peak.mainHwmMiB);
      return peak;
    },
  };
}

/** `pid` and its descendants, via each thread's `children` file (cheaper than scanning all of /proc). */
function processTree(pid: number): number[] {
  const found: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const current = queue.shift() as number;
    found.push(current);
    try {
      for (const task of readdirSync(`/proc/${current}/task`)) {
        const children = readFileSync(`/proc/${current}/task/${task}/children`, "utf8").trim();
        if (children) queue.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // the process or thread exited between two reads
    }
  }
  return found;
}

function readStatus(pid: number): { rssKiB: number; hwmKiB: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
    return { rssKiB: kib("VmRSS"), hwmKiB: kib("VmHWM") };
  } catch {
    return undefined;
  }
}
