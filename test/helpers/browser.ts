// Debian's chromium, headless, through playwright-core, with a fresh profile and no network:
// the one way the browser tests start a browser. A missing chromium is a failure with the fix,
// never a silent skip (.ci/run installs it with apt-get).
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, chromium } from "playwright-core";
import { chromiumFlags, chromiumPath } from "./browser-flags.mjs";

export interface TestBrowser {
  context: BrowserContext;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

export async function launchTestBrowser(viewport: {
  width: number;
  height: number;
}): Promise<TestBrowser> {
  if (!existsSync(chromiumPath))
    throw new Error(`${chromiumPath} is missing: apt-get install chromium (as .ci/run does)`);
  const profile = await mkdtemp(path.join(os.tmpdir(), "jenga-e2e-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumFlags,
    viewport,
    colorScheme: "light",
    offline: true,
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
