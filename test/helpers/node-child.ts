import { spawn } from "node:child_process";

/**
 * Runs a plain JavaScript file in a node process of its own (its own heap, its own
 * peak RSS to measure) with only PATH in its environment; resolves when it exits.
 */
export function runNodeChild(
  script: string,
  args: string[],
  nodeFlags: string[] = [],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeFlags, script, ...args], {
      env: { PATH: process.env.PATH ?? "" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (data) => {
      stdout += data;
    });
    child.stderr.on("data", (data) => {
      stderr += data;
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
