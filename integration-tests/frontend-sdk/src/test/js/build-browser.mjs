// Bundles browser-flow.mjs (the JS SDK and the flow a page runs) into one ES module for BrowserFlowTest.
// Usage: node build-browser.mjs <output directory>
import { build } from "esbuild";

const outdir = process.argv[2];
if (!outdir) throw new Error("usage: node build-browser.mjs <output directory>");
await build({
  entryPoints: ["browser-flow.mjs"],
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  outfile: `${outdir}/browser-flow.js`,
  logLevel: "warning",
});
