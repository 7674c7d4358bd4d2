/**
 * Child process of the diagram formats benchmark: draws one size (argv[2] VPCs, one of
 * FORMATS_SIZES) in one format (argv[3], one of BENCH_FORMATS) on a fresh heap, a full
 * collection before the baseline's and the format's warm-ups, and prints its
 * FormatsFormatResult as the last line of stderr (runBenchChild).
 */
import { benchFormat } from "./benchFormat.js";
import { FORMATS_SIZES } from "./diagramFormatsBench.js";
import { BENCH_FORMATS } from "./formatsResult.js";
import { collector } from "./measure.js";
import { shippedLibrary } from "./shippedBuild.js";

const vpcs = Number(process.argv[2]);
const size = FORMATS_SIZES.find((s) => s.vpcs === vpcs);
if (!size) throw new Error(`no diagram formats size of ${process.argv[2]} VPCs`);
const format = BENCH_FORMATS.find((f) => f === process.argv[3]);
if (!format) throw new Error(`no diagram format ${process.argv[3]} (${BENCH_FORMATS.join(", ")})`);
const result = await benchFormat(await shippedLibrary(), size, format, collector());
process.stderr.write(`${JSON.stringify(result)}\n`);
