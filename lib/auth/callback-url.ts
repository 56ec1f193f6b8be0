/**
 * Only same-site paths are followed after sign-in: an open redirect would let a link send users
 * elsewhere. The value is parsed as a URL against a placeholder origin and must keep that origin,
 * the way a browser would resolve it: `/%09/evil.example` (a tab, which URL parsers drop, making
 * `//evil.example`), `/\evil.example` and absolute URLs all fall back. Control characters (CR/LF
 * would end up in a Location header) and anything but one string fall back too.
 */
const BASE = "http://callback.invalid";

export function safeCallbackUrl(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  if (!value.startsWith("/") || value.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // The path as the browser will see it must still be a same-origin path.
  return path.startsWith("/") && !path.startsWith("//") ? path : fallback;
}
