// Debian's Chromium, headless, in a fresh profile: shared by the browser test scripts.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { chromium } from "playwright-core";

export const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
  "--no-first-run", "--disable-background-networking", "--disable-component-update",
  "--disable-sync"];

// Runs fn(context) in a browser context with its own fresh --user-data-dir (a persistent
// context is the one way to give Chromium that), closed and removed afterwards.
export async function withBrowser(executablePath, fn) {
  const profile = mkdtempSync(join(tmpdir(), "teilhabe-browser-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: executablePath || "/usr/bin/chromium", headless: true, args: FLAGS,
    locale: "de-DE",
  });
  try {
    return await fn(context);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

// Opens url in a new page of context and runs fn(page); a non-200 answer is an error.
export async function onPage(context, url, fn) {
  const page = await context.newPage();
  try {
    const answer = await page.goto(url, { waitUntil: "load", timeout: 60000 });
    if (!answer || answer.status() !== 200) {
      throw new Error(`${url}: HTTP ${answer ? answer.status() : "no answer"}`);
    }
    return await fn(page);
  } finally {
    await page.close();
  }
}
