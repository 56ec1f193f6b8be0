import { getCurrentUser } from "@/lib/auth/current-user";
import { scriptsApi } from "@/lib/scripts/api";

export const dynamic = "force-dynamic";

export async function DELETE(_req: Request, { params }: { params: Promise<{ id: string; linkId: string }> }) {
  const { id, linkId } = await params;
  return scriptsApi.shareRevoke(await getCurrentUser(), id, linkId);
}
