import type { SourceName } from "../collectors/types.js";
import type { SignalId } from "../signals/catalog.js";
import type { MessageCode } from "./messages.js";
import type { Action } from "./verdicts.js";

/** Inside the pipeline a reason is data; src/scoring/messages.ts turns it into words at the end. */
export interface Finding {
  /** The signal it rests on; a source when the finding is about missing data; "verdict" for the decision itself. */
  signal: SignalId | SourceName | "verdict";
  code: MessageCode;
  args: Record<string, string | number>;
  /** The action this finding pushes toward, or null for a health-only or supporting fact. */
  action: Action | null;
  points: number;
}
