/** The shape of bench-results/latest.json: everything measured, with each run's raw values. */
import type { LighthouseResult } from "./lighthouse.ts";
import type { BuildSeries } from "./measure-build.ts";
import type { BenchOptions } from "./options.ts";
import type { PageWeight } from "./page-weight.ts";
import type { SearchFigures } from "./search-timing.ts";
import type { SearchQuality } from "./search-quality.ts";

export interface BenchResults {
  startedAt: string;
  finishedAt?: string;
  options: BenchOptions;
  machine: {
    node: string;
    platform: string;
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    loadAverageAtStart: number;
  };
  /** Builds of generated pages, one entry per page count, each with search measured on it. */
  builds: Array<BuildSeries & { search?: SearchFigures }>;
  /** With --scaling: how the build time grew from the smaller to the larger page count. */
  scaling?: {
    fromPages: number;
    toPages: number;
    /** Wall-clock ratio: what the budget checks. */
    timeRatio: number | undefined;
    /** CPU-time ratio: the same growth with other work on the machine taken out. */
    cpuRatio: number | undefined;
    linear: boolean | undefined;
  };
  realSite?: {
    buildSeconds: number;
    buildCpuSeconds: number | undefined;
    pages?: PageWeight[];
    search?: SearchFigures;
    /** The search test set (tests/search-queries.yaml): hits in the top 1 and top 3, and misses. */
    searchQuality?: SearchQuality;
    lighthouse?: LighthouseResult[];
  };
  /** Measurements that could not be taken, and why. */
  errors: Array<{ what: string; message: string }>;
  budgets: BudgetCheck[];
}

/** KNOWN: over budget for a reason already accepted (the checklist script). */
export type Status = "PASS" | "FAIL" | "KNOWN" | "n/a";

/** One budget, with what was measured: PASS, FAIL, or not measured in this run. */
export interface BudgetCheck {
  status: Status;
  budget: string;
  measured: string;
  note?: string;
}
