import { getCurrentUser } from "@/lib/auth/current-user";
import { scriptsApi } from "@/lib/scripts/api";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return scriptsApi.scorecardExport(await getCurrentUser(), (await params).id, new URL(req.url).searchParams.get("format"));
}
