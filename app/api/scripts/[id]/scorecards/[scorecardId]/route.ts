import { getCurrentUser } from "@/lib/auth/current-user";
import { scriptsApi } from "@/lib/scripts/api";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ id: string; scorecardId: string }> };

export async function GET(_req: Request, { params }: Ctx) {
  const { id, scorecardId } = await params;
  return scriptsApi.scorecardGet(await getCurrentUser(), id, scorecardId);
}

export async function DELETE(_req: Request, { params }: Ctx) {
  const { id, scorecardId } = await params;
  return scriptsApi.scorecardDelete(await getCurrentUser(), id, scorecardId);
}
