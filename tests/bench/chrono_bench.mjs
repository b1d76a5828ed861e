// chrono-node over the same text annalist tags (scripts/bench_chrono.sh): reads FILE, splits it
// into paragraphs (chrono is meant for short texts; whole 20 MB strings only slow it down), runs
// chrono.parse on each with a fixed reference date, and prints one JSON line with the throughput.
//
//   node chrono_bench.mjs FILE [REFERENCE_DATE]
import { readFileSync } from "node:fs";
import * as chrono from "chrono-node";

const [file, ref = "2021-05-19T12:00:00Z"] = process.argv.slice(2);
if (!file) {
  console.error("usage: node chrono_bench.mjs FILE [REFERENCE_DATE]");
  process.exit(2);
}
const buf = readFileSync(file);
const paragraphs = buf.toString("utf8").split(/\n\s*\n/);
const refDate = new Date(ref);

// A short warm-up lets the JIT compile chrono's parsers before the clock starts.
for (const p of paragraphs.slice(0, 200)) chrono.parse(p, refDate);

// Wall time and CPU time (user + system) of the process: on a shared machine the CPU figure is
// the one to compare.
const t0 = process.hrtime.bigint();
const c0 = process.cpuUsage();
let found = 0;
for (const p of paragraphs) found += chrono.parse(p, refDate).length;
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const c = process.cpuUsage(c0);
const cpu_seconds = (c.user + c.system) / 1e6;
const mb = buf.length / 1e6;
console.log(JSON.stringify({ tool: "chrono-node", bytes: buf.length, paragraphs: paragraphs.length,
  found, seconds, cpu_seconds, mb_per_s: mb / seconds, mb_per_cpu_s: mb / cpu_seconds }));
