/**
 * Addresses that moved, as next.config.ts `redirects()` entries. Permanent (308), so browsers and
 * API clients remember the new address, and a POST, PUT or DELETE is repeated at it with its body
 * (a 301 lets clients turn a POST into a GET). The query string travels with the redirect.
 *
 * - The recruiter feature was called "scripts" and is now "interview kits": /scripts/... pages and
 *   /api/scripts/... routes answer at /kits/... and /api/kits/... (bookmarks, links in old emails
 *   and API clients keep working; the API's JSON is unchanged, see lib/api/kits/schemas.ts). Share
 *   links (/share/<token>) never lived under /scripts and did not move.
 * - A transcript's export moved under /api with the other routes: /sessions/<id>/export answers at
 *   /api/sessions/<id>/export (the same query: ?format=md|json).
 *
 * Read by next.config.ts and by tests/unit/foundation/redirects.test.ts; no imports, so Next can
 * load it while it reads its configuration.
 */
export type Redirect = { source: string; destination: string; permanent: true };

export const MOVED_ADDRESSES: Redirect[] = [
  { source: "/scripts", destination: "/kits", permanent: true },
  { source: "/scripts/:path*", destination: "/kits/:path*", permanent: true },
  { source: "/api/scripts/:path*", destination: "/api/kits/:path*", permanent: true },
  { source: "/sessions/:id/export", destination: "/api/sessions/:id/export", permanent: true },
];
