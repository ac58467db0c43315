// Time vis-timeline in headless Chromium: the first render of N items, then zoom steps.
//
//   node measure.mjs --items DIR --sizes 1000,10000,100000 --limit 120 --out FILE
//                    [--cluster] [--dpr 2]
//
// The clock starts as museum_app's does: the items are in the page's memory (parsed), and
// making what the timeline is given from them (the DataSet) is within the clock. The
// timeline is 1600x600 CSS pixels at the device pixel ratio asked for; --cluster turns on
// vis-timeline's clustering (items that overlap grouped once two meet, as museum_app's
// badges count two or more).
// DIR holds items-N.json (written by peer.py from the benchmark's synthetic pack). Each size
// runs in a fresh browser profile; a size that does not finish within --limit seconds is
// reported as "timeout" and the browser is closed.

import { chromium } from "playwright-core";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];
const ZOOM_STEPS = 10;

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

// Runs in the page: build the timeline, wait until it has been drawn, then zoom step by step.
async function inPage({ items, steps, cluster }) {
  const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const container = document.getElementById("timeline");
  const t0 = performance.now();
  const options = { width: "1600px", height: "600px" };
  if (cluster) {
    options.cluster = { maxItems: 1, showStipes: false };
  }
  const timeline = new vis.Timeline(container, new vis.DataSet(items), options);
  await frame(); // the browser has laid out and painted the first frame
  const firstRender = performance.now() - t0;
  const drawn = container.querySelectorAll(".vis-item").length;
  const ratio = window.devicePixelRatio;
  const zooms = [];
  for (let n = 0; n < steps; n++) {
    const start = performance.now();
    const changed = new Promise((done) => timeline.once("changed", done));
    timeline.zoomIn(0.2, { animation: false });
    await Promise.race([changed, new Promise((done) => setTimeout(done, 5000))]);
    await frame();
    zooms.push(performance.now() - start);
  }
  return { firstRender, zooms, drawn, ratio };
}

function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => {
    const k = (sorted.length - 1) * q;
    const lo = Math.floor(k), hi = Math.ceil(k);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (k - lo);
  };
  return { median_ms: at(0.5), p95_ms: at(0.95), runs: sorted.length };
}

async function measure(size, itemsDir, limitS, executablePath, cluster, dpr) {
  const profile = mkdtempSync(join(tmpdir(), "vis-peer-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath, headless: true, args: FLAGS, viewport: { width: 1700, height: 700 },
    deviceScaleFactor: dpr,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const script = join(here, "node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js");
    await page.setContent('<!doctype html><html><body><div id="timeline"></div></body></html>');
    await page.addScriptTag({ path: script });
    const items = JSON.parse(readFileSync(join(itemsDir, `items-${size}.json`), "utf8"));
    // Parsed in the page before the clock starts, as museum_app's events are in memory.
    await page.evaluate((list) => { window.benchItems = list; }, items);
    let timer;
    const limit = new Promise((done) => { timer = setTimeout(() => done("timeout"), limitS * 1000); });
    const run = page.evaluate(
      (args) => (0, eval)(`(${args.body})`)({ items: window.benchItems, steps: args.steps, cluster: args.cluster }),
      { body: inPage.toString(), steps: ZOOM_STEPS, cluster },
    );
    const outcome = await Promise.race([run, limit]);
    clearTimeout(timer);
    if (outcome === "timeout") {
      return { status: "timeout", limit_s: limitS };
    }
    return {
      status: "ok", first_render_ms: outcome.firstRender, zoom_step: summary(outcome.zooms),
      item_elements: outcome.drawn, device_pixel_ratio: outcome.ratio,
    };
  } catch (error) {
    return { status: "error", error: String(error).slice(0, 500) };
  } finally {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
}

const sizes = option("sizes", "1000,10000,100000").split(",").map(Number);
const limitS = Number(option("limit", "120"));
const executablePath = option("chromium", "/usr/bin/chromium");
const cluster = process.argv.includes("--cluster");
const dpr = Number(option("dpr", "1"));
const result = {};
for (const size of sizes) {
  process.stderr.write(`vis-timeline: ${size} items...\n`);
  result[size] = await measure(size, option("items", "."), limitS, executablePath, cluster, dpr);
  process.stderr.write(`  ${JSON.stringify(result[size])}\n`);
}
writeFileSync(option("out", "peer-result.json"), JSON.stringify(result, null, 1));
