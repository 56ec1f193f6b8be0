/**
 * The /api/kits route handlers, called as Next calls them, by what they do: `create(user, req)`,
 * `get(user, id)`... The user is who is signed in (null: signed out); the test file mocks
 * lib/auth/current-user.ts (tests/support/fake-session.ts). Bodies come from the Request given,
 * whatever its address.
 */
import * as exportRoute from "../../app/api/kits/[id]/export/route.ts";
import * as revisionsRoute from "../../app/api/kits/[id]/revisions/route.ts";
import * as kitRoute from "../../app/api/kits/[id]/route.ts";
import * as scorecardRoute from "../../app/api/kits/[id]/scorecards/[scorecardId]/route.ts";
import * as scorecardExportRoute from "../../app/api/kits/[id]/scorecards/export/route.ts";
import * as scorecardsRoute from "../../app/api/kits/[id]/scorecards/route.ts";
import * as linkRoute from "../../app/api/kits/[id]/share/[linkId]/route.ts";
import * as shareRoute from "../../app/api/kits/[id]/share/route.ts";
import * as kitsRoute from "../../app/api/kits/route.ts";
import type { TestUser } from "./fake-session.ts";
import { callRoute, request } from "./routes.ts";

type User = TestUser | null;
const get = (pathname: string, query?: Record<string, string>) => request(pathname, { query });
const del = (pathname: string) => request(pathname, { method: "DELETE" });
const format = (f: string | null): Record<string, string> | undefined => (f === null ? undefined : { format: f });

export const kitsApi = {
  list: (user: User) => callRoute(kitsRoute.GET, user, get("/api/kits")),
  create: (user: User, req: Request) => callRoute(kitsRoute.POST, user, req),
  get: (user: User, id: string) => callRoute(kitRoute.GET, user, get(`/api/kits/${id}`), { id }),
  save: (user: User, id: string, req: Request) => callRoute(kitRoute.PUT, user, req, { id }),
  remove: (user: User, id: string) => callRoute(kitRoute.DELETE, user, del(`/api/kits/${id}`), { id }),
  exportKit: (user: User, id: string, f: string | null) => callRoute(exportRoute.GET, user, get(`/api/kits/${id}/export`, format(f)), { id }),
  revisions: (user: User, id: string) => callRoute(revisionsRoute.GET, user, get(`/api/kits/${id}/revisions`), { id }),
  restore: (user: User, id: string, req: Request) => callRoute(revisionsRoute.POST, user, req, { id }),
  shareList: (user: User, id: string) => callRoute(shareRoute.GET, user, get(`/api/kits/${id}/share`), { id }),
  /** Without a request: a POST with no body, as the share panel sends it. */
  shareCreate: (user: User, id: string, req?: Request) => callRoute(shareRoute.POST, user, req ?? request(`/api/kits/${id}/share`, { method: "POST" }), { id }),
  shareRevoke: (user: User, id: string, linkId: string) => callRoute(linkRoute.DELETE, user, del(`/api/kits/${id}/share/${linkId}`), { id, linkId }),
  scorecardList: (user: User, id: string) => callRoute(scorecardsRoute.GET, user, get(`/api/kits/${id}/scorecards`), { id }),
  scorecardCreate: (user: User, id: string, req: Request) => callRoute(scorecardsRoute.POST, user, req, { id }),
  scorecardGet: (user: User, id: string, scorecardId: string) =>
    callRoute(scorecardRoute.GET, user, get(`/api/kits/${id}/scorecards/${scorecardId}`), { id, scorecardId }),
  scorecardDelete: (user: User, id: string, scorecardId: string) =>
    callRoute(scorecardRoute.DELETE, user, del(`/api/kits/${id}/scorecards/${scorecardId}`), { id, scorecardId }),
  scorecardExport: (user: User, id: string, f: string | null) =>
    callRoute(scorecardExportRoute.GET, user, get(`/api/kits/${id}/scorecards/export`, format(f)), { id }),
};
