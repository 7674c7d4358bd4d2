/**
 * Child process of the diagram formats benchmark: draws one size (argv[2] VPCs, one of
 * FORMATS_SIZES) in every format on a fresh heap, a full collection before each format's
 * warm-ups, and prints its FormatsSizeResult as the last line of stderr (runBenchChild).
 */
import { benchSize, FORMATS_SIZES } from "./diagramFormatsBench.js";
import { collector } from "./measure.js";
import { shippedLibrary } from "./shippedBuild.js";

const vpcs = Number(process.argv[2]);
const size = FORMATS_SIZES.find((s) => s.vpcs === vpcs);
if (!size) throw new Error(`no diagram formats size of ${process.argv[2]} VPCs`);
const result = await benchSize(await shippedLibrary(), size, collector());
process.stderr.write(`${JSON.stringify(result)}\n`);
