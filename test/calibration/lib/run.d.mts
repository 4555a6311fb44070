export interface LabelRecord {
  name: string;
  installed: string;
  label: string;
  alsoAcceptable?: string[];
  now: string;
}
export interface CalibrationResult {
  packages: number;
  agreement: { strict: number; lenient: number };
  perClass: Record<
    string,
    { labelled: number; predicted: number; recall: number; precision: number | null }
  >;
  confusion: Record<string, Record<string, number>>;
  baselines: Record<string, { strict: number; lenient: number }>;
  disagreements: { name: string; label: string; verdict: string; reason: string }[];
}
export const labelNames: string[];
export const verdictColumns: string[];
export function loadLabels(): LabelRecord[];
export function calibrate(records?: LabelRecord[], without?: string[]): CalibrationResult;
