/** The scripts API's `access` step: the caller's script named by the address, or its 404. */
import "server-only";
import { getScript, type ScriptActor, type ScriptRecord } from "../../scripts/store.ts";

export function ownedScript({ user, params }: { user: ScriptActor; params: { id: string } }): Promise<ScriptRecord> {
  return getScript(user, params.id);
}
