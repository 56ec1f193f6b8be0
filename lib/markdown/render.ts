/**
 * Markdown -> HTML for bank content (reference answers, errata, prompts): GFM (tables, strike,
 * task lists, autolinks) and code highlighted by Shiki with both GitHub themes. Light colours are
 * inline; dark colours are CSS variables (--shiki-dark, --shiki-dark-bg) that lib/markdown/shiki.css
 * switches on under `.dark` (next-themes) or prefers-color-scheme when no theme class is set.
 *
 * Safe enough for any text: raw HTML in the Markdown is dropped (remark-rehype without
 * allowDangerousHtml), and links/images with script-capable URLs (javascript:, vbscript:, data:
 * except images) lose them. One highlighter per process; rendered HTML is cached by content hash.
 */
import { createHash } from "node:crypto";
import rehypeShikiFromHighlighter from "@shikijs/rehype/core";
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from "hast";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { createHighlighterCore, type HighlighterCore } from "shiki/core";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";
import { unified } from "unified";
import { processWide } from "../process-wide/index.ts";

/** Languages highlighted; anything else (or no language) renders as plain text, never throws. */
export const HIGHLIGHT_LANGUAGES = ["python", "bash", "shellscript", "toml", "json", "yaml", "sql", "javascript", "typescript", "ini", "text"] as const;

/** Extra fence names mapped onto the loaded grammars (python/py, js, ts, sh/shell/zsh, yml are built in). */
const LANG_ALIAS: Record<string, string> = {
  python3: "python",
  py3: "python",
  pycon: "python",
  console: "shellscript",
  terminal: "shellscript",
  cfg: "ini",
  conf: "ini",
  dotenv: "ini",
  env: "ini",
  plaintext: "text",
  txt: "text",
  mjs: "javascript",
  cjs: "javascript",
  mts: "typescript",
};

export const SHIKI_THEMES = { light: "github-light", dark: "github-dark" } as const;

/**
 * The two GitHub themes' colours that fall short of WCAG AA (4.5:1) on their own backgrounds, each
 * replaced by a colour of the same hue that passes: github-light's orange (numbers, parameters) is
 * 3.5:1 on #fff, github-dark's grey (comments) 3.0:1 on #24292e. Keys are lowercase, as Shiki wants.
 */
export const SHIKI_COLOR_REPLACEMENTS: Record<string, Record<string, string>> = {
  "github-light": { "#e36209": "#b94c00" }, // 5.1:1 on #fff
  "github-dark": { "#6a737d": "#8b949e" }, // 4.8:1 on #24292e
};

const CACHE_LIMIT = 500;
// Process-wide (lib/process-wide): instrumentation warms the highlighter for the route bundles.
const shared = processWide("markdown", (): MarkdownState => ({ htmlCache: new Map<string, string>() }));
type MarkdownState = {
  htmlCache: Map<string, string>;
  processorPromise?: Promise<ReturnType<typeof buildProcessor>>;
  highlighterPromise?: Promise<HighlighterCore>;
};
const htmlCache = shared.htmlCache;

/** The process-wide Shiki highlighter (themes and languages loaded once). */
export function getHighlighter(): Promise<HighlighterCore> {
  shared.highlighterPromise ??= createHighlighterCore({
    themes: [import("shiki/themes/github-light.mjs"), import("shiki/themes/github-dark.mjs")],
    langs: [
      import("shiki/langs/python.mjs"),
      import("shiki/langs/shellscript.mjs"),
      import("shiki/langs/toml.mjs"),
      import("shiki/langs/json.mjs"),
      import("shiki/langs/yaml.mjs"),
      import("shiki/langs/sql.mjs"),
      import("shiki/langs/javascript.mjs"),
      import("shiki/langs/typescript.mjs"),
      import("shiki/langs/ini.mjs"),
    ],
    langAlias: LANG_ALIAS,
    // The JavaScript regex engine: no WebAssembly to load, so it works the same in Node, Next's
    // server bundles and tests.
    engine: createJavaScriptRegexEngine(),
  }).catch((error: unknown) => {
    shared.highlighterPromise = undefined;
    throw error;
  });
  return shared.highlighterPromise;
}

function buildProcessor(highlighter: HighlighterCore) {
  const loaded = new Set<string>([...highlighter.getLoadedLanguages(), ...Object.keys(LANG_ALIAS)]);
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: false })
    .use(normaliseCodeLanguage, loaded)
    .use(stripUnsafeUrls)
    .use(() =>
      rehypeShikiFromHighlighter(highlighter, {
        themes: SHIKI_THEMES,
        colorReplacements: SHIKI_COLOR_REPLACEMENTS,
        defaultColor: "light",
        defaultLanguage: "text",
        fallbackLanguage: "text",
        addLanguageClass: true,
        // A grammar that fails on some input leaves the block as plain <pre><code>.
        onError: () => {},
      }),
    )
    .use(rehypeStringify)
    .freeze();
}

function getProcessor() {
  shared.processorPromise ??= getHighlighter()
    .then(buildProcessor)
    .catch((error: unknown) => {
      shared.processorPromise = undefined;
      throw error;
    });
  return shared.processorPromise;
}

/** Renders Markdown to HTML (cached by content hash; raw HTML in the input is dropped). */
export async function renderMarkdown(md: string): Promise<string> {
  const key = createHash("sha256").update(md).digest("base64url");
  const hit = htmlCache.get(key);
  if (hit !== undefined) {
    htmlCache.delete(key); // keep recently used entries at the end (LRU order)
    htmlCache.set(key, hit);
    return hit;
  }
  const processor = await getProcessor();
  const html = String(await processor.process(md));
  htmlCache.set(key, html);
  if (htmlCache.size > CACHE_LIMIT) htmlCache.delete(htmlCache.keys().next().value!);
  return html;
}

/** Warms the highlighter (e.g. at server start) so the first render is fast. */
export async function warmMarkdown(): Promise<void> {
  await getProcessor();
}

/** Tests: forget rendered HTML (the highlighter stays). */
export function clearMarkdownCache(): void {
  htmlCache.clear();
}

// ---- hast plugins ---------------------------------------------------------------------------

function walk(node: HastRoot | HastContent | ElementContent, visit: (el: Element) => void) {
  if (node.type === "element") visit(node);
  if ("children" in node) for (const child of node.children) walk(child, visit);
}

/** Lowercases fence languages and maps unknown ones to text, so Shiki never sees a name it lacks. */
function normaliseCodeLanguage(loaded: Set<string>) {
  return (tree: HastRoot) => {
    walk(tree, (el) => {
      if (el.tagName !== "pre") return;
      const code = el.children[0];
      if (!code || code.type !== "element" || code.tagName !== "code") return;
      const classes = Array.isArray(code.properties.className) ? code.properties.className : [];
      code.properties.className = classes.map((c) => {
        if (typeof c !== "string" || !c.startsWith("language-")) return c;
        const lang = c.slice("language-".length).toLowerCase();
        return `language-${loaded.has(lang) ? lang : "text"}`;
      });
    });
  };
}

const UNSAFE_URL = /^\s*(javascript|vbscript|file):/i;
const DATA_URL = /^\s*data:/i;

/** Drops href/src values that could run script (data: is kept only for images). */
function stripUnsafeUrls() {
  return (tree: HastRoot) => {
    walk(tree, (el) => {
      for (const prop of ["href", "src"] as const) {
        const value = el.properties[prop];
        if (typeof value !== "string") continue;
        const decoded = value.replace(/[\u0000-\u0020]+/g, "");
        if (UNSAFE_URL.test(decoded) || (DATA_URL.test(decoded) && !(el.tagName === "img" && /^data:image\//i.test(decoded)))) {
          delete el.properties[prop];
        }
      }
      if (el.tagName === "a" && typeof el.properties.href === "string" && /^https?:/i.test(el.properties.href)) {
        el.properties.rel = ["noopener", "noreferrer"];
      }
    });
  };
}
