import path from "node:path";
import { afterEach, beforeEach } from "vitest";
import { projectCopy, runJenga } from "../helpers/cli.js";
import { packument, type RegistryServer, startRegistryServer } from "../helpers/registry-server.js";

// small-app: debug (→ ms) and left-pad in prod, is-number in dev, resolved by npm itself.
export const smallAppPackuments = {
  debug: packument("debug", {
    "4.3.4": { time: "2022-03-17T13:38:47.641Z" },
    "4.4.3": { time: "2025-09-13T10:00:00.000Z" },
  }),
  ms: packument("ms", {
    "2.1.2": { time: "2019-06-06T17:31:55.859Z" },
    "2.1.3": { time: "2020-12-08T13:54:35.223Z" },
  }),
  "left-pad": packument("left-pad", {
    "1.2.0": { time: "2017-11-28T15:02:51.543Z" },
    "1.3.0": { time: "2018-04-09T00:53:06.473Z", deprecated: "use String.prototype.padStart()" },
  }),
  // is-number is missing: the registry answers 404.
};

/** A fresh copy of test/fixtures/cli/small-app and a registry serving it, per test. */
export function useSmallApp() {
  const state = {} as {
    server: RegistryServer;
    project: Awaited<ReturnType<typeof projectCopy>>;
  };
  beforeEach(async () => {
    state.server = await startRegistryServer(smallAppPackuments);
    state.project = await projectCopy("cli/small-app", state.server.url);
  });
  afterEach(async () => {
    await state.server.close();
    await state.project.cleanup();
  });
  return {
    state,
    run: (args: string[]) =>
      runJenga([...args, "--cache", path.join(state.project.home, "cache")], {
        cwd: state.project.dir,
        home: state.project.home,
      }),
  };
}
