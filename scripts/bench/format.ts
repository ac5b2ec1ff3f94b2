/** Number formats shared by the report and the budgets. KB and MB are 1,024-based. */
const KB = 1024;

export function formatBytes(bytes: number): string {
  if (bytes < KB) return `${bytes} B`;
  if (bytes < KB * KB) return `${(bytes / KB).toFixed(1)} KB`;
  return `${(bytes / KB / KB).toFixed(1)} MB`;
}

export const formatSeconds = (seconds: number): string => `${seconds.toFixed(2)} s`;

export const formatMs = (ms: number): string => (Number.isNaN(ms) ? "n/a" : `${Math.round(ms)} ms`);

export const formatCount = (count: number): string => count.toLocaleString("en-US");
