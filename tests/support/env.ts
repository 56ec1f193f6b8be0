/**
 * Process environment for a group of tests: sets (or, for `undefined`, removes) variables, makes
 * lib/env.ts read them again, and returns the restore that puts every one back as it was.
 */
import { resetEnvForTests } from "../../lib/env.ts";

export function setEnvForTests(vars: Record<string, string | undefined>): () => void {
  const before = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    resetEnvForTests();
  };
  apply(vars);
  return () => apply(before);
}
