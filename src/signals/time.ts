/** Calendar averages: signals are reported in whole months and tenths of years, so leap days do not matter. */
export const dayMs = 24 * 60 * 60 * 1000;
export const yearMs = 365.25 * dayMs;
export const monthMs = yearMs / 12;

export function monthsBetween(from: number, to: number): number {
  return Math.max(0, Math.floor((to - from) / monthMs));
}
