import { readFile } from "node:fs/promises";
import path from "node:path";
import { InputError, UsageError } from "../errors.js";
import { defaultPolicy, type Policy } from "../scoring/policy.js";
import { parseJsonFile } from "../util/parse-json.js";
import { configSchema, type JengaConfig, numericPolicyGroups } from "./schema.js";

export interface LoadedConfig {
  /** The file it came from, or null for defaults. */
  file: string | null;
  config: JengaConfig;
  policy: Policy;
}

export const configFileName = "jenga.config.json";

/**
 * Finds and validates the config: `--config FILE` if given, else
 * jenga.config.json in the project folder, else the `jenga` key of its
 * package.json, else the defaults. Every schema problem is listed at once.
 */
export async function loadConfig(options: {
  file?: string;
  projectDir: string;
}): Promise<LoadedConfig> {
  if (options.file) return fromFile(path.resolve(options.file));
  const own = path.join(options.projectDir, configFileName);
  const found = await readOptional(own);
  if (found !== null) return validate(own, parseJsonFile(found, own));
  const manifestFile = path.join(options.projectDir, "package.json");
  const manifest = await readOptional(manifestFile);
  if (manifest !== null) {
    const parsed = parseJsonFile(manifest, manifestFile) as Record<string, unknown> | null;
    if (parsed && typeof parsed === "object" && "jenga" in parsed)
      return validate(`${manifestFile} ("jenga" key)`, parsed.jenga);
  }
  return { file: null, config: {}, policy: defaultPolicy };
}

async function fromFile(file: string): Promise<LoadedConfig> {
  const text = await readOptional(file);
  if (text === null) {
    throw new InputError(file, "config file not found or unreadable", undefined, "check --config");
  }
  return validate(file, parseJsonFile(text, file));
}

async function readOptional(file: string): Promise<string | null> {
  try {
    return await readFile(file, "utf8");
  } catch {
    return null;
  }
}

export function validate(file: string, raw: unknown): LoadedConfig {
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const where = issue.path.length > 0 ? issue.path.join(".") : "(top level)";
      return `${where}: ${issue.message}`;
    });
    throw new UsageError(
      `${file}: invalid config (${problems.length} problem${problems.length === 1 ? "" : "s"})`,
      problems,
      "see the configuration section of the README",
    );
  }
  return { file, config: result.data, policy: applyConfig(result.data) };
}

/** The default policy with the config's overrides laid over it. */
export function applyConfig(config: JengaConfig): Policy {
  const policy: Record<string, unknown> = { ...defaultPolicy };
  // git.allowHosts is a network setting beside the git numbers, not policy.
  const { allowHosts: _, ...gitNumbers } = config.git ?? {};
  // usage.ignoreDependencies and usage.entry steer the usage source, they are not policy.
  const { ignoreDependencies: _i, entry: _e, ...usageNumbers } = config.usage ?? {};
  const overrides = { ...config, git: gitNumbers, usage: usageNumbers } as Record<string, unknown>;
  for (const group of numericPolicyGroups)
    policy[group] = mergeNumbers(defaultPolicy[group], overrides[group]);
  return {
    ...(policy as Policy),
    gate: {
      failOn:
        (config.gate?.failOn as Policy["gate"]["failOn"] | undefined) ?? defaultPolicy.gate.failOn,
      minHealth: config.gate?.minHealth ?? defaultPolicy.gate.minHealth,
      failOnSeverity:
        config.gate?.failOnSeverity === undefined
          ? defaultPolicy.gate.failOnSeverity
          : config.gate.failOnSeverity,
      allowMissing:
        (config.gate?.allowMissing as Policy["gate"]["allowMissing"] | undefined) ??
        defaultPolicy.gate.allowMissing,
      failOnMajorsBehind:
        config.gate?.failOnMajorsBehind === undefined
          ? defaultPolicy.gate.failOnMajorsBehind
          : config.gate.failOnMajorsBehind,
    },
    rules: (config.rules as Policy["rules"] | undefined) ?? defaultPolicy.rules,
    includeDev: config.includeDev ?? defaultPolicy.includeDev,
  };
}

/** Lays validated numeric overrides over a default group, nested groups key by key. */
function mergeNumbers<T>(defaults: T, overrides: unknown): T {
  if (!overrides || typeof overrides !== "object") return defaults;
  const merged: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const [key, value] of Object.entries(overrides)) {
    merged[key] = typeof value === "number" ? value : mergeNumbers(merged[key], value);
  }
  return merged as T;
}
