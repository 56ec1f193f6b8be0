/**
 * Security headers of every response (next.config.ts sets the static ones, proxy.ts adds HSTS when
 * the request came over https). The Content-Security-Policy is the one the app runs under, the
 * server-rendered /progress charts and the theme included (tests/e2e/hardening.spec.ts visits the
 * pages in Chromium and fails on any violation): scripts only from this origin plus inline scripts
 * (Next.js streams its page data in inline scripts and next-themes sets the theme before paint with
 * one; a nonce would force every page to render per request), inline styles (Radix positions its
 * menus and dialogs, and dnd-kit the rows being dragged, with style attributes; the bank's facet
 * bars and a kit's time bar are sized with one), no plugins, no framing, no foreign form targets,
 * fetches only to this origin.
 */
type HeaderList = { key: string; value: string }[];

/** `wasm`: also let WebAssembly be compiled ('wasm-unsafe-eval'), which only the Python worker needs (PYTHON_WORKER_PATHS). */
export function contentSecurityPolicy(dev: boolean, options: { wasm?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : options.wasm ? " 'wasm-unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "manifest-src 'self'",
    "worker-src 'self' blob:",
  ].join("; ");
}

export const PERMISSIONS_POLICY =
  "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), browsing-topics=()";

/** Sent only over https (a browser ignores it over http, and localhost must stay reachable). */
export const HSTS = "max-age=31536000; includeSubDomains";

export function staticSecurityHeaders(dev: boolean): HeaderList {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(dev) },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
}

/**
 * Pages that host the in-browser Python runner (components/code/code-task-panel.tsx). They are
 * made cross-origin isolated (COOP same-origin, sent on every page, plus COEP require-corp here),
 * which gives them SharedArrayBuffer, so Stop can interrupt Python without throwing Pyodide away.
 * Only these pages: COEP blocks cross-origin resources that do not opt in, and the rest of the app
 * has no reason to accept that. The pages load nothing from other origins (the CSP above).
 */
export const PYTHON_RUNNER_PAGES = ["/bank/:id", "/interview/:id"];

/**
 * Paths whose responses carry the Python worker's headers. A dedicated worker runs under the
 * policies of its own script's response, not its page's: it needs COEP to start inside an isolated
 * page, and a CSP that allows compiling WebAssembly (Pyodide is WebAssembly). The worker is a
 * /_next/static chunk; those headers on a script that a page merely loads mean nothing (a page's
 * own CSP governs its scripts), so they cost the other pages nothing. /pyodide/ is the runtime the
 * worker imports (lib/browser-python/pyodide-assets.ts).
 */
export const PYTHON_WORKER_PATHS = ["/_next/static/:path*", "/pyodide/:path*"];

export const CROSS_ORIGIN_ISOLATION: HeaderList = [{ key: "Cross-Origin-Embedder-Policy", value: "require-corp" }];

export function pythonWorkerHeaders(dev: boolean): HeaderList {
  return [...CROSS_ORIGIN_ISOLATION, { key: "Content-Security-Policy", value: contentSecurityPolicy(dev, { wasm: true }) }];
}

/**
 * Whether the browser talks to us over https: NEXTAUTH_URL says so, or (behind trusted proxies
 * only) the nearest proxy's X-Forwarded-Proto does. Decides HSTS and Secure cookies.
 */
export function requestIsHttps(headers: Headers | undefined, e: { NEXTAUTH_URL?: string | undefined; TRUST_PROXY: number }): boolean {
  if (e.NEXTAUTH_URL?.startsWith("https://")) return true;
  if (e.TRUST_PROXY <= 0 || !headers) return false;
  const proto = headers.get("x-forwarded-proto")?.split(",").pop()?.trim().toLowerCase();
  return proto === "https";
}
