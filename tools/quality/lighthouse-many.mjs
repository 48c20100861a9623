// Lighthouse for many pages with one browser: node lighthouse-many.mjs < pages.json > scores.json
// stdin: {"urls": [...], "headers": {"Cookie": "..."}?}. stdout: {url: {"scores": {category:
// 0-100}, "failures": {category: ["audit id: title", ...]}}}. Mobile preset (Lighthouse's
// default), categories performance, accessibility, best-practices and seo.
// The browser is CHROME_PATH (Debian's /usr/bin/chromium by default). A page that answers an
// error status (the 404 page) is audited too; a run that fails to record its trace (it happens
// now and then: NO_NAVSTART) is tried again, up to three times.
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];

const input = JSON.parse(await new Promise((resolve) => {
  let text = "";
  process.stdin.on("data", (chunk) => { text += chunk; });
  process.stdin.on("end", () => resolve(text));
}));

const chrome = await launch({
  chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
});
const results = {};
try {
  for (const url of input.urls) {
    let lhr;
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const runnerResult = await lighthouse(url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: CATEGORIES,
        ignoreStatusCode: true,
        extraHeaders: input.headers || undefined,
      });
      lhr = runnerResult.lhr;
      if (!lhr.runtimeError) break;
    }
    const scores = {};
    const failures = {};
    for (const id of CATEGORIES) {
      const category = lhr.categories[id];
      scores[id] = Math.round((category.score ?? 0) * 100);
      failures[id] = category.auditRefs
        .filter((ref) => ref.weight > 0)
        .map((ref) => lhr.audits[ref.id])
        .filter((audit) => audit.score !== null && audit.score < 1)
        .map((audit) => `${audit.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ""}`);
    }
    const errors = lhr.audits["errors-in-console"]?.details?.items ?? [];
    results[url] = {
      scores,
      failures,
      console: errors.map((item) => `${item.source}: ${item.description}`),
      runtimeError: lhr.runtimeError?.message ?? null,
    };
  }
} finally {
  await chrome.kill();
}
process.stdout.write(JSON.stringify(results, null, 2));
