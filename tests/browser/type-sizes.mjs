// The type size a reader gets: per page, the computed font size (CSS px) of every piece of
// visible text, as headless Chromium lays the page out.
//
// Usage: node type-sizes.mjs URLS.json [CHROMIUM]
// Prints one JSON object: per page its URL, the body's font size and each text with the
// size it is shown in ({text, size, tag}). Exits 2 on a browser or page error.

import { readFileSync } from "node:fs";

import { onPage, withBrowser } from "./chromium.mjs";

function measure(address) {
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    const parent = node.parentElement;
    if (!text || !parent || parent.closest("svg") || parent.closest(".skip-link")) continue;
    const style = getComputedStyle(parent);
    if (parent.getClientRects().length > 0 && style.visibility !== "hidden") {
      texts.push({ text, size: parseFloat(style.fontSize), tag: parent.tagName.toLowerCase() });
    }
  }
  return { url: address, body: parseFloat(getComputedStyle(document.body).fontSize), texts };
}

async function main() {
  const urls = JSON.parse(readFileSync(process.argv[2], "utf8"));
  await withBrowser(process.argv[3], async (context) => {
    const pages = [];
    for (const url of urls) {
      pages.push(await onPage(context, url, (page) => page.evaluate(measure, url)));
    }
    process.stdout.write(JSON.stringify({ pages }));
  });
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(2);
});
