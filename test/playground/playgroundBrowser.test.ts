import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { generateOrganisation } from "../../bench/generateOrganisation.js";
import { JSON_FROM } from "../../playground/src/documentWorkerClient.js";
import { decodeShare, encodeShare } from "../../playground/src/shareHash.js";
import { browserRequired, findChromium, launchBrowser } from "../helpers/browser.js";
import { exampleYaml } from "../helpers/examples.js";
import { type PlaygroundServer, startPlayground } from "../helpers/playgroundServer.js";

// Skips only when no Chromium exists and LINKPLAN_REQUIRE_BROWSER is not "1".
const skip = findChromium() === null && !browserRequired;

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** Screenshots of each pane for a reader (out/ is ignored by git). */
const SHOTS = join(ROOT, "out", "playground");
/** UPDATE_SCREENSHOT=1 rewrites the README's picture of the playground. */
const README_SHOT = join(ROOT, "playground", "screenshot.png");

/** How long to wait for the page to show an answer (the server shares a busy machine). */
const POLL = { timeout: 20_000, interval: 50 };

let server: PlaygroundServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

async function api<T>(path: string, yaml: string): Promise<T> {
  const res = await fetch(`${server.origin}${path}`, {
    method: "POST",
    headers: { "content-type": "application/yaml" },
    body: yaml,
  });
  return (path.includes("format=svg") ? res.text() : res.json()) as Promise<T>;
}

async function monthlyOf(yaml: string): Promise<string> {
  const estimate = await api<{ totals: { monthly: string } }>("/v1/estimate", yaml);
  const [whole = "0", fraction = ""] = estimate.totals.monthly.split(".");
  return `$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${fraction.padEnd(2, "0")}`;
}

/** Resolves with the next `linkplan:rendered` event of that part (estimate, diagram, …). */
function nextRender(target: Page, part: string): Promise<{ ok: boolean }> {
  return target.evaluate(
    `new Promise((resolve) => document.addEventListener("linkplan:rendered", function on(e) {
      if (e.detail.part !== ${JSON.stringify(part)}) return;
      document.removeEventListener("linkplan:rendered", on);
      resolve({ ok: e.detail.ok });
    }))`,
  ) as Promise<{ ok: boolean }>;
}

async function shot(name: string, target: Page = page): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await target.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** Select the end of a line's text and type over it, as a user would. */
async function retype(
  text: string,
  nth: number,
  removeChars: number,
  insert: string,
): Promise<void> {
  const target = page.locator("#editor .cm-line", { hasText: text }).nth(nth);
  await target.scrollIntoViewIfNeeded();
  await target.click();
  await page.keyboard.press("End");
  for (let i = 0; i < removeChars; i++) await page.keyboard.press("Shift+ArrowLeft");
  await page.keyboard.type(insert);
}

describe.skipIf(skip)("the playground in headless Chromium", { timeout: 60_000 }, () => {
  beforeAll(async () => {
    const launched = await launchBrowser();
    if (!launched) {
      throw new Error(
        "LINKPLAN_REQUIRE_BROWSER=1 but no Chromium was found: set CHROMIUM_PATH or install /usr/bin/chromium",
      );
    }
    browser = launched;
    server = await startPlayground();
    context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      deviceScaleFactor: 1,
      acceptDownloads: true,
    });
    page = await context.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("opens at / with an example, and shows the total of the example chosen", async () => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    // nothing leaves for another origin: no CDN, no fonts, no analytics
    page.on("request", (r) => {
      const url = r.url();
      if (!url.startsWith(`${server.origin}/`) && !/^(blob|data):/.test(url)) errors.push(url);
    });
    const first = nextRender(page, "estimate").catch(() => null);
    await page.goto(`${server.origin}/`);
    await first;
    await expect.poll(() => page.textContent("#total"), POLL).toBe("$284.70");
    await page.selectOption("#examples", "spokes");
    const spokes = await monthlyOf(exampleYaml("spokes"));
    await expect.poll(() => page.textContent("#total"), POLL).toBe(spokes);
    expect(await page.textContent("#doc-name")).toBe("spokes");
    expect(errors).toEqual([]);
    await shot("cost");
  });

  it("changing azs from 3 to 1 changes the total and the diagram", async () => {
    await page.click("#tab-diagram");
    await page.waitForSelector("[data-testid=diagram] img[data-digest]");
    const before = {
      total: await page.textContent("#total"),
      digest: await page.getAttribute("[data-testid=diagram] img", "data-digest"),
    };
    const edited = exampleYaml("spokes").replace(
      /(id: payments-vpc[\s\S]*?azs: )\[us-east-1a, us-east-1b, us-east-1c\]/,
      "$1[us-east-1a]",
    );
    const diagramDrawn = nextRender(page, "diagram");
    // when the diagram and check were asked for: check waits for the drawing (the findings
    // are the least urgent; run alongside, check took a CPU from it)
    await page.evaluate(`(() => {
      const times = (window.__asked = { check: [], diagramShown: [] });
      const fetch0 = window.fetch;
      window.fetch = (input, init) => {
        if (String(input).includes("/v1/check")) times.check.push(performance.now());
        return fetch0(input, init);
      };
      document.addEventListener("linkplan:rendered", (e) => {
        if (e.detail.part === "diagram") times.diagramShown.push(e.detail.at);
      });
    })()`);
    // the second "azs:" line is payments-vpc's
    await retype(
      "azs: [us-east-1a, us-east-1b, us-east-1c]",
      1,
      ", us-east-1b, us-east-1c]".length,
      "]",
    );
    const expected = await monthlyOf(edited);
    expect(expected).not.toBe(before.total);
    await expect.poll(() => page.textContent("#total"), POLL).toBe(expected);
    expect((await diagramDrawn).ok).toBe(true);
    await expect
      .poll(() => page.getAttribute("[data-testid=diagram] img", "data-digest"), POLL)
      .not.toBe(before.digest);
    await expect.poll(() => page.evaluate("window.__asked.check.length"), POLL).toBeGreaterThan(0);
    const asked = (await page.evaluate("window.__asked")) as Record<string, number[]>;
    expect(asked.check?.[0]).toBeGreaterThanOrEqual(asked.diagramShown?.[0] ?? Infinity);
    await shot("diagram");
  });

  it("a typo shows as a diagnostic at its line", async () => {
    await page.click("#tab-cost");
    const lines = exampleYaml("spokes").split("\n");
    const regionLine = lines.findIndex((l, i) => i > 20 && l.includes("region: us-east-1")) + 1;
    // rename payments-vpc's "region" (the second VPC of the document)
    const target = page.locator("#editor .cm-line", { hasText: "region: us-east-1" }).nth(1);
    await target.click();
    await page.keyboard.press("Home");
    for (let i = 0; i < "region".length; i++) await page.keyboard.press("Shift+ArrowRight");
    await page.keyboard.type("regon");
    // (each keystroke may be answered; the last answer is about "regon")
    await expect.poll(() => page.textContent("#banner"), POLL).toContain('unknown key "regon"');
    expect(await page.textContent("#banner")).toContain(
      `line ${regionLine}: accounts[1].vpcs[0]: unknown key "regon"`,
    );
    // CodeMirror underlines the key on that line, and marks it in the gutter
    const underlined = page
      .locator("#editor .cm-line", { hasText: "regon: us-east-1" })
      .locator(".cm-lintRange-error");
    await expect.poll(() => underlined.count(), POLL).toBeGreaterThan(0);
    expect(await underlined.first().textContent()).toContain("regon");
    expect(await page.locator("#headline").getAttribute("class")).toContain("stale");
    await shot("problem");
    // fixed again (typed back: under load one Ctrl+Z may undo a single keystroke): the banner goes
    await page.keyboard.press("Home");
    for (let i = 0; i < "regon".length; i++) await page.keyboard.press("Shift+ArrowRight");
    await page.keyboard.type("region");
    await expect.poll(() => page.isHidden("#banner"), POLL).toBe(true);
  });

  it("completes keys and shows hover docs from linkplan's schema", async () => {
    const own = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const editor = await own.newPage();
    const doc =
      "name: x\naccounts:\n  - id: a\n    vpcs:\n      - id: v\n        region: us-east-1\n        azs: [us-east-1a]\n        \n";
    await editor.goto(`${server.origin}/#${encodeShare({ doc })}`);
    await editor.locator("#editor .cm-line").nth(7).click();
    await editor.keyboard.press("End");
    await editor.keyboard.type("enableDns");
    await editor.keyboard.press("Control+Space");
    const options = editor.locator(".cm-tooltip-autocomplete li");
    await expect.poll(() => options.allTextContents(), POLL).toContain("enableDnsHostnamesboolean");
    await editor.keyboard.press("Escape");
    await editor.hover("#editor .cm-line:has-text('region') >> text=region");
    await expect
      .poll(() => editor.locator(".cm-tooltip-hover").textContent(), POLL)
      .toContain("pattern");
    await own.close();
  });

  it("a share link opened in a new page shows the same document", async () => {
    await page.click("#share");
    await expect.poll(() => new URL(page.url()).hash.startsWith("#pako:"), POLL).toBe(true);
    const url = page.url();
    const shared = decodeShare(new URL(url).hash);
    expect(shared?.doc).toContain("name: spokes");
    expect(shared?.doc).toContain("azs: [us-east-1a]\n");
    // a fresh context: no localStorage, the link alone carries the document
    const other = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const second = await other.newPage();
    await second.goto(url);
    await expect
      .poll(() => second.textContent("#total"), POLL)
      .toBe(await page.textContent("#total"));
    // the new page keeps its own state in its URL: the same document
    await expect.poll(() => decodeShare(new URL(second.url()).hash)?.doc, POLL).toBe(shared?.doc);
    expect(await second.getAttribute("#tab-diagram", "aria-selected")).toBe(
      shared?.pane === "diagram" ? "true" : "false",
    );
    await other.close();
    // the same browser, without the link: localStorage gave the document back
    const again = await context.newPage();
    await again.goto(`${server.origin}/`);
    await expect
      .poll(() => again.textContent("#total"), POLL)
      .toBe(await page.textContent("#total"));
    await expect.poll(() => decodeShare(new URL(again.url()).hash)?.doc, POLL).toBe(shared?.doc);
    await again.close();
  });

  it("downloads the diagram: SVG, PNG and draw.io", async () => {
    await page.click("#tab-diagram");
    await page.waitForSelector("[data-testid=diagram] img[data-digest]");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click("[data-testid=download-svg]"),
    ]);
    expect(download.suggestedFilename()).toBe("spokes.svg");
    const path = await download.path();
    const svg = readFileSync(path, "utf8");
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("payments-vpc");
    // PNG and draw.io come from the API (POST /v1/diagram?format=png|drawio)
    const [png] = await Promise.all([
      page.waitForEvent("download"),
      page.click("#pane-diagram button:has-text('PNG')"),
    ]);
    expect(png.suggestedFilename()).toBe("spokes.png");
    expect(
      readFileSync(await png.path())
        .subarray(1, 4)
        .toString("latin1"),
    ).toBe("PNG");
    const [drawio] = await Promise.all([
      page.waitForEvent("download"),
      page.click("#pane-diagram button:has-text('draw.io')"),
    ]);
    expect(drawio.suggestedFilename()).toBe("spokes.drawio");
    expect(readFileSync(await drawio.path(), "utf8")).toContain("<mxfile");
  });

  it("compares dev with prod and shows the delta, the PR comment and the diagram of changes", async () => {
    await page.click("#tab-compare");
    const selects = page.locator("#pane-compare select");
    await expect.poll(() => selects.first().locator("option").count(), POLL).toBeGreaterThan(3);
    const done = nextRender(page, "compare");
    await selects.nth(0).selectOption("dev");
    await selects.nth(1).selectOption("prod");
    await done;
    await expect
      .poll(() => page.textContent("[data-testid=compare-delta]"), POLL)
      .toBe("+$179.493");
    expect(await page.textContent("#pane-compare .markdown")).toContain(
      "### linkplan: app-dev → app-prod: +179.493 USD per month (+218.6 %)",
    );
    await page.waitForSelector("#pane-compare .diff-diagram img");
    await shot("compare");
  });

  it("applies a what-if in one click and shows the comparison", async () => {
    await page.click("#tab-whatif");
    const done = nextRender(page, "whatif");
    await page.click("#pane-whatif button:has-text('Consolidate')");
    expect((await done).ok).toBe(true);
    await expect
      .poll(() => page.textContent("#pane-whatif [data-testid=compare-delta]"), POLL)
      .toMatch(/^−\$/);
    await shot("whatif");
  });

  it("draws the break-even chart", async () => {
    await page.click("#tab-breakeven");
    await page.waitForSelector("[data-testid=breakeven-chart] svg circle.crossing");
    await shot("breakeven");
    await page.click("#tab-findings");
    await shot("findings");
  });

  it("a large document (read in the browser, sent as JSON) is priced the same, its problems at their lines", async () => {
    const yaml = stringify(generateOrganisation({ vpcs: 10, endpointsPerVpc: 10, azs: 3 }), {
      lineWidth: 0,
    });
    expect(yaml.length).toBeGreaterThan(JSON_FROM);
    const large = await context.newPage();
    await large.goto(`${server.origin}/#${encodeShare({ doc: yaml })}`);
    await expect.poll(() => large.textContent("#total"), POLL).toBe(await monthlyOf(yaml));
    // a typo in the 5th VPC (a new link, same tab), then a syntax error: each at its line
    const lines = yaml.split("\n");
    const regions = lines.flatMap((l, i) => (/^\s+region: /.test(l) ? [i] : []));
    const typoLine = regions[4] as number;
    const typo = lines.map((l, i) => (i === typoLine ? l.replace("region:", "regon:") : l));
    await large.goto(`${server.origin}/#${encodeShare({ doc: typo.join("\n") })}`);
    await expect.poll(() => large.textContent("#banner"), POLL).toContain('unknown key "regon"');
    expect(await large.textContent("#banner")).toContain(`line ${typoLine + 1}: `);
    // "Go to the first problem" puts the cursor on it; a syntax error typed there is placed too
    const firstProblem = Number(
      /line (\d+): /.exec((await large.textContent("#banner")) ?? "")?.[1],
    );
    await large.click("#banner button");
    await large.keyboard.press("End");
    await large.keyboard.type(": x");
    await expect.poll(() => large.textContent("#banner"), POLL).toContain("Malformed document");
    expect(await large.textContent("#banner")).toContain(`line ${firstProblem}: `);
    expect(await large.textContent("#doc-status")).toMatch(/problem/);
    await large.close();
  });

  it("imports pasted Terraform into the editor", async () => {
    const tf = await context.newPage();
    await tf.goto(`${server.origin}/`);
    await tf.waitForSelector("#tab-terraform");
    await tf.click("#tab-terraform");
    expect(await tf.inputValue("#panel-terraform textarea")).toContain(
      'resource "aws_vpc_endpoint"',
    );
    await tf.click("#panel-terraform button:has-text('Import into the topology')");
    await expect.poll(() => tf.textContent("#doc-name"), POLL).toBe("terraform");
    expect(await tf.getAttribute("#tab-yaml", "aria-selected")).toBe("true");
    expect(await tf.textContent("#editor .cm-content")).toContain("service: ecr.api");
    await tf.close();
  });

  it("reaches every pane with the keyboard only", async () => {
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const keys = await fresh.newPage();
    await keys.goto(`${server.origin}/`);
    await keys.waitForSelector("#tab-cost");
    const focused = () =>
      keys.evaluate(
        "document.activeElement && (document.activeElement.id || document.activeElement.className)",
      );
    // Tab from the top: the skip link first, and Enter lands on the selected results tab
    await keys.keyboard.press("Tab");
    expect(await focused()).toBe("skip-link");
    await keys.keyboard.press("Enter");
    expect(await focused()).toBe("tab-cost");
    const names = ["cost", "diagram", "findings", "compare", "whatif", "breakeven"];
    for (const [i, name] of names.entries()) {
      if (i > 0) await keys.keyboard.press("ArrowRight");
      expect(await focused()).toBe(`tab-${name}`);
      expect(await keys.getAttribute(`#tab-${name}`, "aria-selected")).toBe("true");
      expect(await keys.isVisible(`#pane-${name}`)).toBe(true);
    }
    // Tab goes from the tab into its pane
    await keys.keyboard.press("Tab");
    expect(
      await keys.evaluate(
        "document.getElementById('pane-breakeven').contains(document.activeElement)",
      ),
    ).toBe(true);
    // Alt+1…6 and Alt+E jump between the panes and the editor; Tab leaves the editor
    await keys.keyboard.press("Alt+2");
    expect(await focused()).toBe("tab-diagram");
    await keys.keyboard.press("Alt+E");
    expect(await keys.evaluate("document.activeElement.classList.contains('cm-content')")).toBe(
      true,
    );
    await keys.keyboard.press("Tab");
    expect(await keys.evaluate("!!document.activeElement.closest('.cm-editor')")).toBe(false);
    await fresh.close();
  });

  it("stacks the panes on a phone", async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const small = await phone.newPage();
    await small.goto(`${server.origin}/`);
    await expect.poll(() => small.textContent("#total"), POLL).toBe("$284.70");
    const source = await small.locator(".source").boundingBox();
    const results = await small.locator(".results").boundingBox();
    expect(source && results && results.y >= source.y + source.height).toBe(true);
    expect(source && source.width <= 390).toBe(true);
    await shot("phone", small);
    await phone.close();
  });

  it("UPDATE_SCREENSHOT=1: the README's screenshot", async () => {
    if (process.env.UPDATE_SCREENSHOT !== "1") return;
    const readme = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      deviceScaleFactor: 1,
    });
    const shotPage = await readme.newPage();
    await shotPage.goto(`${server.origin}/`);
    await shotPage.selectOption("#examples", "consumer-provider");
    await expect.poll(() => shotPage.textContent("#doc-name"), POLL).toBe("consumer-provider");
    await shotPage.click("#tab-diagram");
    await shotPage.waitForSelector("[data-testid=diagram] img[data-digest]");
    await shotPage.waitForTimeout(300);
    await shotPage.screenshot({ path: README_SHOT });
    await readme.close();
  });
});
