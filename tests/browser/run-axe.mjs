// Runs axe-core (WCAG 2.1 A and AA rules) over a list of pages in one headless Chromium.
//
// Usage: node run-axe.mjs URLS.json [CHROMIUM]
//   URLS.json  a JSON list of page URLs (served over HTTP, e.g. by the Python test)
//   CHROMIUM   the browser binary (default /usr/bin/chromium, Debian's package)
// Prints one JSON object: the axe version, the rules run, and per page the violations
// and the results axe could not decide ("incomplete": rule id, impact, help and each
// node's selector, HTML and summary) and the counts of passed and inapplicable rules. Exits 0 when every page was
// checked, whatever axe found (the test judges the findings); 2 on a browser or page error.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

import { onPage, withBrowser } from "./chromium.mjs";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const axeSource = readFileSync(axePath, "utf8");
const axeVersion = require("axe-core/package.json").version;

export const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function check(context, url) {
  return onPage(context, url, async (page) => {
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async (tags) => {
      const r = await globalThis.axe.run(document, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations", "incomplete"],
      });
      const found = (items) => items.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.map(String), html: n.html,
          summary: n.failureSummary })),
      }));
      return {
        violations: found(r.violations), incomplete: found(r.incomplete),
        passes: r.passes.length, inapplicable: r.inapplicable.length,
      };
    }, TAGS);
    return { url, ...result };
  });
}

async function main() {
  const urls = JSON.parse(readFileSync(process.argv[2], "utf8"));
  await withBrowser(process.argv[3], async (context) => {
    const rules = await (async () => {
      const page = await context.newPage();
      await page.setContent("<!doctype html><html lang=\"de\"><title>x</title></html>");
      await page.addScriptTag({ content: axeSource });
      const ids = await page.evaluate((tags) => globalThis.axe.getRules(tags)
        .map((r) => r.ruleId), TAGS);
      await page.close();
      return ids;
    })();
    const pages = [];
    const queue = [...urls];
    const workers = Number(process.env.TEILHABE_AXE_PAGES || 2);
    await Promise.all(Array.from({ length: workers }, async () => {
      for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
        pages.push(await check(context, url));
      }
    }));
    pages.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
    process.stdout.write(JSON.stringify({ axe: axeVersion, tags: TAGS, rules, pages }));
  });
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(2);
});
