import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

/** LINKPLAN_REQUIRE_BROWSER=1 turns "no Chromium found" from a skip into a failure. */
export const browserRequired = process.env.LINKPLAN_REQUIRE_BROWSER === "1";

/** First existing Chromium of $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  for (const path of candidates) {
    if (path && existsSync(path)) return path;
  }
  return null;
}

/** A headless Chromium, or null when none is installed. */
export async function launchBrowser(): Promise<Browser | null> {
  const executablePath = findChromium();
  if (!executablePath) return null;
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * One headless Chromium page for a describe block (launched in beforeAll, closed in
 * afterAll) on a blank document — with mermaid's bundle loaded when `mermaid` — at one
 * device pixel per CSS pixel. Call it inside `describe.skipIf(findChromium() === null &&
 * !browserRequired)`: when Chromium is required and missing, beforeAll fails saying so.
 */
export function useBrowserPage(options: { mermaid?: boolean } = {}): () => Page {
  let browser: Browser | null = null;
  let page: Page | null = null;
  beforeAll(async () => {
    browser = await launchBrowser();
    if (!browser) {
      throw new Error(
        "LINKPLAN_REQUIRE_BROWSER=1 but no Chromium was found: set CHROMIUM_PATH or install " +
          "/usr/bin/chromium (or /usr/bin/chromium-browser)",
      );
    }
    page = await browser.newPage({ deviceScaleFactor: 1 });
    await page.setContent("<!DOCTYPE html><html><body></body></html>");
    if (options.mermaid) {
      const mermaidJs = createRequire(import.meta.url).resolve("mermaid/dist/mermaid.min.js");
      await page.addScriptTag({ content: readFileSync(mermaidJs, "utf8") });
    }
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!page) throw new Error("the browser page is used before beforeAll opened it");
    return page;
  };
}
