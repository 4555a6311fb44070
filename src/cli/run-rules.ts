import path from "node:path";
import { loadConfig } from "../config/load-config.js";
import { ruleTable } from "../scoring/rule-table.js";
import type { RulesOptions } from "./command-options.js";
import { formatRules } from "./format-rules.js";
import type { CliIo } from "./run-cli.js";

/** `jenga rules`: every scoring rule as the policy (and an optional config) sets it. */
export async function runRules(options: RulesOptions, io: CliIo): Promise<void> {
  const loaded = await loadConfig({
    ...(options.config ? { file: path.resolve(io.cwd, options.config) } : {}),
    projectDir: io.cwd,
  });
  const rows = ruleTable(loaded.policy);
  io.stdout.write(options.json ? `${JSON.stringify(rows, null, 2)}\n` : formatRules(rows));
}
