import type { JengaConfig } from "../config/schema.js";

type Waiver = NonNullable<JengaConfig["waivers"]>[number];

/** A waiver covers its `until` day entirely and expires at the end of it (UTC). */
export function findWaiver(
  name: string,
  waivers: Waiver[],
  now: Date,
): { reason: string; until: string; expired: boolean } | null {
  const waiver = waivers.find((w) => w.package === name);
  if (!waiver) return null;
  const endOfDay = Date.parse(`${waiver.until}T23:59:59.999Z`);
  return { reason: waiver.reason, until: waiver.until, expired: now.getTime() > endOfDay };
}
