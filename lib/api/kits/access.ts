/** The kits API's `access` step: the caller's kit named by the address, or its 404. */
import "server-only";
import { getKit, type KitActor, type KitRecord } from "../../kits/store.ts";

export function ownedKit({ user, params }: { user: KitActor; params: { id: string } }): Promise<KitRecord> {
  return getKit(user, params.id);
}
