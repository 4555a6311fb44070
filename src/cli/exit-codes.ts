/** Exit codes are a contract (DESIGN.md): 0 done, 1 gate failed, 2 bad usage, bad input or a crash. */
export const exitCodes = { ok: 0, gateFailed: 1, error: 2 } as const;
