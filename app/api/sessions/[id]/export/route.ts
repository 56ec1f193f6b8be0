import { interviewParamsSchema } from "@/lib/api/interview/schemas";
import { route } from "@/lib/api/route";
import { exportSessionResponse } from "@/lib/sessions/export-response";
import { z } from "zod";

export const dynamic = "force-dynamic";

/** GET /api/sessions/[id]/export?format=md|json: a download for the owner, 404 for anyone else (signed out included). */
export const GET = route(
  { auth: "optional", params: interviewParamsSchema, query: z.object({ format: z.string().optional() }) },
  async ({ user, params, query }) => exportSessionResponse(user?.id ?? null, params.id, query.format),
);
