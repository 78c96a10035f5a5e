/**
 * What one new page of memory costs on this machine: the time from a fresh buffer's first touch
 * of each page to the system having mapped it in. The floor takes almost none; core builds a
 * report and gets hundreds a run, so on a virtual machine where a page costs tens of
 * microseconds this, not core's own work, moves its ratio to the floor from run to run.
 */
import { median, nowMs, pagesMapped } from './timing';

/** Above glibc's largest threshold for serving an allocation from memory it already holds (32 MB): always fresh pages. */
const PROBE_BYTES = 40 * 2 ** 20;
const PAGE_BYTES = 4096;

export interface PageCost {
  /** Median microseconds per new page. */
  readonly micros: number;
  /** New pages each probe got (about PROBE_BYTES / 4 KB where the system counts them). */
  readonly pages: number;
}

/** Median over `probes` fresh buffers; null where the system does not count new pages. */
export function pageCost(probes = 5, bytes = PROBE_BYTES): PageCost | null {
  const micros: number[] = [];
  const counted: number[] = [];
  for (let probe = 0; probe < probes; probe++) {
    const before = pagesMapped();
    const start = nowMs();
    const buffer = new Uint8Array(bytes);
    for (let at = 0; at < bytes; at += PAGE_BYTES) buffer[at] = 1;
    const ms = nowMs() - start;
    const pages = pagesMapped() - before;
    // The buffer is read after timing so the writes cannot be dropped as unused.
    if (buffer[bytes - PAGE_BYTES] !== 1) throw new Error('page probe lost its writes');
    counted.push(pages);
    if (pages > 0) micros.push((ms * 1000) / pages);
  }
  const pages = median(counted);
  // Fewer than half the pages counted: the count is not what it claims here.
  if (micros.length === 0 || pages < bytes / PAGE_BYTES / 2) return null;
  return { micros: median(micros), pages };
}
