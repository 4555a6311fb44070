import { afterEach, describe, expect, it } from "vitest";
import { startForwardProxy } from "../collectors/helpers/forward-proxy.js";
import { projectCopy, runJenga } from "../helpers/cli.js";
import { type RegistryServer, startRegistryServer } from "../helpers/registry-server.js";
import { smallAppPackuments } from "./small-app.js";

let server: RegistryServer | undefined;
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await server?.close();
  await cleanup?.();
});

describe("behind a proxy", () => {
  it("reaches the registry, the OSV API and GitHub through the proxy npm is configured with", async () => {
    server = await startRegistryServer(smallAppPackuments);
    const proxy = await startForwardProxy(Number(new URL(server.url).port));
    // Hosts that do not resolve: only the proxy can reach them.
    const project = await projectCopy("cli/small-app", "http://registry.example.invalid/");
    cleanup = async () => {
      await proxy.close();
      await project.cleanup();
    };
    const result = await runJenga(["analyze", "--quiet", "--no-git"], {
      cwd: project.dir,
      home: project.home,
      env: {
        HTTP_PROXY: proxy.url,
        HTTPS_PROXY: proxy.url,
        JENGA_OSV_URL: "http://osv.example.invalid/",
        JENGA_GITHUB_API_URL: "http://api.github.example.invalid/",
      },
    });
    expect(result.code).toBe(0);
    expect(proxy.seen).toContain("http://registry.example.invalid/left-pad");
    expect(proxy.seen).toContain("http://osv.example.invalid/v1/querybatch");
    expect(
      proxy.seen.some((url) => url.startsWith("http://api.github.example.invalid/repos/example/")),
    ).toBe(true);
  });
});
