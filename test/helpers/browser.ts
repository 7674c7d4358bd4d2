import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

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
