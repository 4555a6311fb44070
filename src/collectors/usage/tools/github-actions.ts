import { configData, field } from "./config-data.js";
import type { Tool, ToolCommand } from "./tool.js";

/** A GitHub Actions workflow; the reader takes these files from the `.github` dot folder. */
export const workflowFile = /^\.github\/workflows\/[^/]+\.ya?ml$/;

/**
 * GitHub Actions runs each step's `run:` lines in the repository (`pnpm exec
 * pkg-pr-new publish`, `npx playwright test`): read like package.json
 * scripts, from the step's `working-directory` (else the job's or the
 * workflow's `defaults.run`), as knip's github-actions plugin does. Only the
 * repository root's `.github` counts: GitHub reads no other.
 */
export const githubActions: Tool = {
  id: "github-actions",
  enablers: [],
  commands: ({ files }) => {
    const out: ToolCommand[] = [];
    for (const file of files) {
      if (!workflowFile.test(file.path)) continue;
      const workflow = configData(file);
      const jobs = field(workflow, "jobs");
      if (!jobs || typeof jobs !== "object") continue;
      const workflowDir = defaultDir(workflow);
      for (const job of Object.values(jobs)) {
        const jobDir = defaultDir(job) ?? workflowDir;
        const steps = field(job, "steps");
        if (!Array.isArray(steps)) continue;
        for (const step of steps) stepCommands(step, file.path, jobDir, out);
      }
    }
    return out;
  },
};

function stepCommands(
  step: unknown,
  name: string,
  jobDir: string | null,
  out: ToolCommand[],
): void {
  const run = field(step, "run");
  if (typeof run !== "string") return;
  const own = field(step, "working-directory");
  const dir = relativeDir(typeof own === "string" ? own : jobDir);
  for (const line of run.split(/\r?\n/)) {
    const command = line.trim();
    if (command === "" || command.startsWith("#")) continue;
    out.push(dir === null ? { name, command } : { name, command, dir });
  }
}

function defaultDir(value: unknown): string | null {
  const dir = field(field(field(value, "defaults"), "run"), "working-directory");
  return typeof dir === "string" ? dir : null;
}

/** `./packages/app/` → `packages/app`; an expression (`${{ … }}`) or a path outside the checkout is no folder jenga knows. */
function relativeDir(dir: string | null): string | null {
  if (dir === null || dir.includes("${{") || dir.startsWith("/")) return null;
  const clean = dir.replace(/^\.\/?/, "").replace(/\/+$/, "");
  return clean.split("/").includes("..") ? null : clean;
}
