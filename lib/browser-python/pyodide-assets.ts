/**
 * Where the browser finds Pyodide: the app's own origin, never a CDN. `npm install` (postinstall,
 * scripts/copy-pyodide.ts) copies PYODIDE_FILES from node_modules/pyodide into
 * public/pyodide/<PYODIDE_VERSION>/, which Next serves as static files; the folder is generated
 * and gitignored (about 14 MB). The version is pinned here and in package.json, and the copy
 * script refuses to run when they differ, so a stale folder can never be served under a new name.
 */

/** Must equal the exact version of `pyodide` in package.json (the copy script checks). */
export const PYODIDE_VERSION = "314.0.8";

/** URL path of the folder, with the trailing slash Pyodide's indexURL expects. Versioned: its files may be cached for good. */
export const PYODIDE_BASE_PATH = `/pyodide/${PYODIDE_VERSION}/`;

/** What loadPyodide fetches for the standard library alone: loader, runtime, WebAssembly, stdlib, package lock. */
export const PYODIDE_FILES = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"] as const;
