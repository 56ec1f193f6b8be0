import { getCurrentUser } from "@/lib/auth/current-user";
import { exportSessionResponse } from "@/lib/review/export-response";

export const dynamic = "force-dynamic";

/** GET /sessions/[id]/export?format=md|json: a download for the owner, 404 for anyone else. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getCurrentUser();
  return exportSessionResponse(user?.id ?? null, id, new URL(req.url).searchParams.get("format"));
}
