import { maxRetryWaitMs } from "../http/retry.js";
import { defineSource } from "../source.js";
import { collectRegistry } from "./collect-registry.js";
import { createRegistryClient } from "./registry-client.js";

/**
 * The registry's packument per package, through the registry npm is
 * configured with (its credentials and proxies). Every other source that
 * needs a repository URL waits for this one, per package.
 */
export const registrySource = defineSource({
  id: "registry",
  needs: [],
  off: () => null,
  async open(run) {
    const own =
      run.injected.fetcher || !run.http
        ? null
        : createRegistryClient(run.http.npmSettings, {
            concurrency: run.concurrency,
            maxRetryAfterMs: maxRetryWaitMs(run.env),
          });
    const fetcher = run.offline ? null : (run.injected.fetcher ?? own);
    return {
      collect: (pkg) => collectRegistry(pkg, { fetcher, cache: run.cache, now: run.now }),
      close: async () => {
        await own?.close();
      },
    };
  },
});
