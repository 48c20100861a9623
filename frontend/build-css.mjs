// Writes static/css/designsystemet.css: our theme (built by `designsystemet tokens build`)
// and the Designsystemet components the site uses, in Designsystemet's cascade layers.
// Run by `make css`; the result is committed, so serving the site needs no Node.
// Usage: node frontend/build-css.mjs THEME_CSS OUTPUT_CSS
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const [themePath, outputPath] = process.argv.slice(2);
if (!themePath || !outputPath) {
  console.error("usage: node frontend/build-css.mjs THEME_CSS OUTPUT_CSS");
  process.exit(2);
}

const require = createRequire(import.meta.url);
// The package's main file is dist/src/index.css; its package.json is not exported.
const cssPackage = dirname(dirname(dirname(require.resolve("@digdir/designsystemet-css"))));
const { version } = JSON.parse(readFileSync(join(cssPackage, "package.json"), "utf8"));
const source = (name) => readFileSync(join(cssPackage, "dist", "src", `${name}.css`), "utf8").trim();

// The order and the layers of the package's own index.css, limited to what our templates use.
const base = ["base", "label", "validation-message"];
const components = [
  "link",
  "data-size-workaround",
  "button",
  "input",
  "field",
  "fieldset",
  "alert",
  "skip-link",
  "details",
  "card",
  "chip",
  "tabs",
  "pagination",
  "tag",
  "error-summary",
  "breadcrumbs",
];

// The theme: without its @charset (only a file's first rule may be one), comments and indentation.
const theme = readFileSync(themePath, "utf8")
  .replace(/^@charset "UTF-8";/, "")
  .replace(/\/\*[\s\S]*?\*\//g, "")
  .replace(/\s*\n\s*/g, " ")
  .trim();

const parts = [
  `/* Designsystemet ${version} (MIT, Digdir) with the Ressursbanken theme. Built by make css from frontend/: do not edit. */`,
  // "elements" (plain elements, in static/css/site.css) ranks below Designsystemet's layers.
  "@layer elements, ds.theme, ds.base, ds.components;",
  theme,
  `@layer ds.base{${base.map(source).join("")}}`,
  `@layer ds.components{${components.map(source).join("")}}`,
  // search.css carries its own layer (and the suggestion styles it shares).
  source("search"),
];
writeFileSync(outputPath, `${parts.join("\n")}\n`);
console.log(`${outputPath}: ${readFileSync(outputPath).length} bytes`);
