/**
 * The playground (issue 16): from a keystroke in the editor to the updated total and the
 * updated diagram, measured in headless Chromium (Playwright) against the app serving the
 * page and the API (the built package, dist/), for examples/endpoints-module.yaml and a 500-endpoint topology. Each
 * keystroke comes after a pause longer than the page's 300 ms debounce (the edit-and-look
 * case: the request leaves at once), alternately typing a digit into a gbPerMonth and
 * deleting it, so every keystroke changes both the total and the (cost-annotated) diagram.
 */
import { availableParallelism, loadavg } from "node:os";
import type { Page } from "playwright-core";
import { stringify } from "yaml";
import { encodeShare } from "../playground/src/shareHash.js";
import { findChromium, launchBrowser } from "../test/helpers/browser.js";
import { exampleYaml } from "../test/helpers/examples.js";
import { generateOrganisation } from "./generateOrganisation.js";
import { int, median, ms, RUNS, table, verdict, WARM_UPS } from "./measure.js";
import { startShippedPlayground } from "./shippedBuild.js";

/** Targets from the issue: keystroke → total and diagram updated. */
export const PLAYGROUND_TARGETS = { moduleMs: 150, largeMs: 600 } as const;

interface Case {
  name: string;
  yaml: string;
  targetMs: number;
}

interface Sample {
  totalMs: number;
  diagramMs: number;
  /** keystroke → the request left, → its answer arrived (resource timing), per route */
  estimate: [number, number];
  diagram: [number, number];
}

/** The value the keystrokes edit (found with the editor's search, Ctrl+F). */
const MARKER = "gbPerMonth: 7.5";

/** endpoints-module with traffic on its first endpoint, the value the keystrokes edit. */
function moduleCase(): Case {
  const yaml = exampleYaml("endpoints-module").replace(
    "id: ecr-api,\n",
    `id: ecr-api,\n              ${MARKER},\n`,
  );
  if (!yaml.includes(MARKER)) throw new Error("endpoints-module changed: no ecr-api");
  return { name: "examples/endpoints-module.yaml", yaml, targetMs: PLAYGROUND_TARGETS.moduleMs };
}

/** 50 VPCs × 10 interface endpoints × 3 AZs (+ S3 gateway, NAT, a workload each). */
function largeCase(): Case {
  const topology = generateOrganisation({ vpcs: 50, endpointsPerVpc: 10, azs: 3, workloadUses: 3 });
  const first = topology.accounts[0]?.vpcs?.[0]?.endpoints?.[0];
  if (!first) throw new Error("no endpoint to edit");
  first.gbPerMonth = 7.5;
  const yaml = stringify(topology, { lineWidth: 0 });
  return { name: "500 interface endpoints", yaml, targetMs: PLAYGROUND_TARGETS.largeMs };
}

const INSTRUMENT = `(() => {
  const bench = { key: 0, events: [] };
  window.__bench = bench;
  document.addEventListener("keydown", () => { bench.key = performance.now(); bench.events = []; }, true);
  document.addEventListener("linkplan:rendered", (e) => bench.events.push(e.detail));
})()`;

const DONE = `(() => {
  const b = window.__bench;
  const at = (part) => b.events.find((e) => e.part === part && e.ok)?.at;
  const total = at("estimate"), diagram = at("diagram");
  const res = (name) => {
    const r = performance.getEntriesByType("resource").filter((r) => r.name.includes(name) && r.startTime >= b.key).pop();
    return r ? [r.startTime - b.key, r.responseEnd - b.key] : [NaN, NaN];
  };
  return total !== undefined && diagram !== undefined ? { totalMs: total - b.key, diagramMs: diagram - b.key, estimate: res("/v1/estimate?"), diagram: res("/v1/diagram?") } : null;
})()`;

async function keystroke(page: Page, key: string): Promise<Sample> {
  await page.keyboard.press(key);
  const started = Date.now();
  for (;;) {
    const sample = (await page.evaluate(DONE)) as Sample | null;
    if (sample) return sample;
    if (Date.now() - started > 20_000) {
      const events = await page.evaluate("JSON.stringify(window.__bench.events)");
      throw new Error(`no update within 20 s: ${events}`);
    }
    await page.waitForTimeout(5);
  }
}

async function measureCase(page: Page, origin: string, c: Case): Promise<Sample[]> {
  const fragment = encodeShare({ doc: c.yaml, pane: "diagram", view: { costs: true } });
  await page.goto(`${origin}/#${fragment}`);
  await page.evaluate(INSTRUMENT);
  await page.waitForSelector("[data-testid=diagram] img[data-digest]", { timeout: 60_000 });
  // put the cursor after the marker's value with the editor's own search
  await page.click("#editor .cm-content");
  await page.keyboard.press("Control+Home");
  await page.keyboard.press("Control+f");
  await page.keyboard.type(MARKER);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await page.keyboard.press("ArrowRight");
  const samples: Sample[] = [];
  for (let i = 0; i < WARM_UPS + RUNS; i++) {
    await page.waitForTimeout(400); // longer than the debounce: each keystroke leaves at once
    const sample = await keystroke(page, i % 2 === 0 ? "5" : "Backspace");
    if (i >= WARM_UPS) samples.push(sample);
    if (process.env.BENCH_DEBUG) console.log(JSON.stringify(sample));
  }
  return samples;
}

export async function runPlaygroundBench(): Promise<void> {
  if (!findChromium()) {
    console.log(
      "playground benchmark: no Chromium (set CHROMIUM_PATH or install /usr/bin/chromium)",
    );
    return;
  }
  const loadStart = loadavg()[0] ?? 0;
  // linkplan serve as built, with its defaults but a longer work deadline: on a loaded
  // machine the first drawing of 500 endpoints (cold worker threads) can pass the default 10 s
  const server = await startShippedPlayground({
    workers: availableParallelism(),
    workTimeout: 60_000,
  });
  const browser = await launchBrowser();
  if (!browser) throw new Error("Chromium did not start");
  try {
    const cases = [moduleCase(), largeCase()];
    const rows: string[][] = [
      [
        "document",
        "YAML",
        "total ms",
        "(sent, answered)",
        "diagram ms",
        "(sent, answered)",
        "slowest ms",
        "target",
        "result",
      ],
    ];
    const at = (values: number[]) => ms(median(values));
    for (const c of cases) {
      // a page of its own: the same URL with another fragment would not reload it
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const samples = await measureCase(page, server.origin, c);
      await page.close();
      const total = median(samples.map((s) => s.totalMs));
      const diagram = median(samples.map((s) => s.diagramMs));
      const both = median(samples.map((s) => Math.max(s.totalMs, s.diagramMs)));
      rows.push([
        c.name,
        `${int.format(Math.round(c.yaml.length / 1024))} KB`,
        ms(total),
        `(${at(samples.map((s) => s.estimate[0]))}, ${at(samples.map((s) => s.estimate[1]))})`,
        ms(diagram),
        `(${at(samples.map((s) => s.diagram[0]))}, ${at(samples.map((s) => s.diagram[1]))})`,
        ms(both),
        `< ${c.targetMs} ms`,
        verdict(both < c.targetMs),
      ]);
    }
    console.log(
      `playground benchmark — keystroke → updated total and diagram in headless Chromium (median of ${RUNS} keystrokes after ${WARM_UPS} warm-ups, each after a 400 ms pause)`,
    );
    console.log(
      `  node ${process.version}, ${availableParallelism()} CPUs, 1-min load average ${loadStart.toFixed(2)} at start, ${(loadavg()[0] ?? 0).toFixed(2)} at end; browser, server and its ${availableParallelism()} worker threads share the CPUs`,
    );
    console.log(
      "  the page and the API in one app, as built (dist/: linkplan serve with its defaults); the Diagram pane open with costs; total = the header's figure replaced, diagram = the new SVG decoded and shown; (sent, answered) = when its request left and its answer arrived, ms after the keystroke (a document of 16 KB or more is first read into JSON in the browser)",
    );
    console.log(table(rows));
  } finally {
    await browser.close();
    await server.close();
  }
}
