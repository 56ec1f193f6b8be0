// Copies the Pyodide runtime from node_modules/pyodide into public/pyodide/<version>/ so the app
// serves it from its own origin (lib/browser-python/pyodide-assets.ts). Runs on `npm install`
// (postinstall) and by hand; idempotent: files already there with the same size are kept, and
// older version folders are removed. The folder is gitignored: the files are generated, not committed.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PYODIDE_FILES, PYODIDE_VERSION } from "../lib/browser-python/pyodide-assets.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const source = path.join(root, "node_modules/pyodide");
const installed = JSON.parse(readFileSync(path.join(source, "package.json"), "utf8")).version as string;
if (installed !== PYODIDE_VERSION) {
  console.error(`copy-pyodide: node_modules/pyodide is ${installed} but lib/browser-python/pyodide-assets.ts pins ${PYODIDE_VERSION}; make them equal`);
  process.exit(1);
}

const publicRoot = path.join(root, "public/pyodide");
const target = path.join(publicRoot, PYODIDE_VERSION);
mkdirSync(target, { recursive: true });
for (const old of readdirSync(publicRoot)) if (old !== PYODIDE_VERSION) rmSync(path.join(publicRoot, old), { recursive: true, force: true });

let copied = 0;
for (const file of PYODIDE_FILES) {
  const from = path.join(source, file);
  const to = path.join(target, file);
  if (existsSync(to) && statSync(to).size === statSync(from).size) continue;
  copyFileSync(from, to);
  copied++;
}
console.error(`copy-pyodide: public/pyodide/${PYODIDE_VERSION}/ ready (${copied} of ${PYODIDE_FILES.length} files copied)`);
