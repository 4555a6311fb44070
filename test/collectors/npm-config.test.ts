/**
 * npm's configuration as npm resolves it, from throwaway folders: a project
 * .npmrc, a user .npmrc (npm_config_userconfig), a global one, environment
 * variables. Never the machine's own config: every test builds its env.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  authorizationFor,
  loadNpmConfig,
  registryFor,
} from "../../src/collectors/http/npm-config.js";

let root: string;
let project: string;
let userconfig: string;
let globalconfig: string;
let baseEnv: Record<string, string>;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "jenga-npmrc-"));
  project = path.join(root, "project");
  await mkdir(path.join(project, "src"), { recursive: true });
  await mkdir(path.join(root, "home"));
  await writeFile(path.join(project, "package.json"), '{ "name": "app" }\n');
  userconfig = path.join(root, "home", "user.npmrc");
  globalconfig = path.join(root, "global.npmrc");
  baseEnv = {
    HOME: path.join(root, "home"),
    npm_config_userconfig: userconfig,
    npm_config_globalconfig: globalconfig,
  };
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const write = (file: string, lines: string[]) => writeFile(file, `${lines.join("\n")}\n`);
const load = (env: Record<string, string>, cwd = path.join(project, "src")) =>
  loadNpmConfig({ cwd, env, userAgent: "jenga/test" });

describe("loadNpmConfig", () => {
  it("reads the project .npmrc found by walking up to package.json", async () => {
    await write(path.join(project, ".npmrc"), [
      "registry=http://127.0.0.1:4873/",
      "@acme:registry=https://npm.acme.example.invalid/repo/",
      "strict-ssl=false",
    ]);
    const settings = await load(baseEnv);
    expect(settings.registry).toBe("http://127.0.0.1:4873/");
    expect(settings.scopes).toEqual({ "@acme": "https://npm.acme.example.invalid/repo/" });
    expect(registryFor(settings, "@acme/widget")).toBe("https://npm.acme.example.invalid/repo/");
    expect(registryFor(settings, "@other/widget")).toBe("http://127.0.0.1:4873/");
    expect(registryFor(settings, "left-pad")).toBe("http://127.0.0.1:4873/");
    expect(settings.strictSSL).toBe(false);
  });

  it("layers env over project over user over global, as npm does", async () => {
    await write(globalconfig, ["registry=https://global.example.invalid/", "noproxy=from-global"]);
    await write(userconfig, ["registry=https://user.example.invalid/", "noproxy=from-user"]);
    await write(path.join(project, ".npmrc"), ["registry=https://project.example.invalid/"]);
    expect((await load(baseEnv)).registry).toBe("https://project.example.invalid/");
    expect((await load(baseEnv)).proxy.noProxy).toBe("from-user");
    const env = { ...baseEnv, npm_config_registry: "https://env.example.invalid/" };
    expect((await load(env)).registry).toBe("https://env.example.invalid/");
  });

  it("substitutes environment references from the given env in nerf-darted credentials", async () => {
    await write(userconfig, [
      "registry=https://npm.example.invalid/",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: npmrc syntax, substituted by npm
      "//npm.example.invalid/:_authToken=${NPM_TOKEN}",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: npmrc syntax; `?` makes an unset variable empty
      "//optional.example.invalid/:_authToken=${NOT_SET?}",
      "//basic.example.invalid/:username=bob",
      `//basic.example.invalid/:_password=${Buffer.from("hunter2").toString("base64")}`,
      "//legacy.example.invalid/:_auth=Ym9iOmh1bnRlcjI=",
    ]);
    const settings = await load({ ...baseEnv, NPM_TOKEN: "npm_tok_from_env" });
    expect(authorizationFor(settings, "https://npm.example.invalid/left-pad")).toBe(
      "Bearer npm_tok_from_env",
    );
    expect(authorizationFor(settings, "https://optional.example.invalid/x")).toBeNull();
    const basic = `Basic ${Buffer.from("bob:hunter2").toString("base64")}`;
    expect(authorizationFor(settings, "https://basic.example.invalid/x")).toBe(basic);
    expect(authorizationFor(settings, "https://legacy.example.invalid/x")).toBe(
      "Basic Ym9iOmh1bnRlcjI=",
    );
    expect(authorizationFor(settings, "https://elsewhere.example.invalid/x")).toBeNull();
    expect(JSON.stringify(settings)).not.toContain("npm_tok_from_env");
  });

  it("reads npm_config_* variables, nerf-darted ones included", async () => {
    const settings = await load({
      ...baseEnv,
      npm_config_registry: "https://env.example.invalid/",
      "npm_config_@corp:registry": "https://corp.example.invalid/",
      "npm_config_//env.example.invalid/:_authToken": "env-token",
      NPM_CONFIG_STRICT_SSL: "false",
    });
    expect(settings.registry).toBe("https://env.example.invalid/");
    expect(registryFor(settings, "@corp/thing")).toBe("https://corp.example.invalid/");
    expect(authorizationFor(settings, "https://env.example.invalid/pkg")).toBe("Bearer env-token");
    expect(settings.strictSSL).toBe(false);
  });

  it("ignores un-nerfed tokens, as npm 9+ does", async () => {
    await write(userconfig, ["registry=https://npm.example.invalid/", "_authToken=legacy"]);
    const settings = await load(baseEnv);
    expect(authorizationFor(settings, "https://npm.example.invalid/x")).toBeNull();
  });

  it("chooses proxies as npm does: config first, then HTTPS_PROXY/HTTP_PROXY/NO_PROXY", async () => {
    const fromEnv = await load({
      ...baseEnv,
      HTTP_PROXY: "http://plain-proxy.example.invalid:3128",
      https_proxy: "http://tls-proxy.example.invalid:3129",
      NO_PROXY: "localhost,.internal.example.invalid",
    });
    expect(fromEnv.proxy).toEqual({
      https: "http://tls-proxy.example.invalid:3129",
      // npm's agent prefers https_proxy for http: URLs too.
      http: "http://tls-proxy.example.invalid:3129",
      noProxy: "localhost,.internal.example.invalid",
    });
    const onlyHttp = await load({
      ...baseEnv,
      http_proxy: "http://plain-proxy.example.invalid:3128",
    });
    expect(onlyHttp.proxy).toEqual({
      https: null,
      http: "http://plain-proxy.example.invalid:3128",
      noProxy: "",
    });

    await write(path.join(project, ".npmrc"), [
      "proxy=http://config-proxy.example.invalid:8080/",
      "noproxy=registry.internal.example.invalid",
    ]);
    const configured = await load({ ...baseEnv, HTTPS_PROXY: "http://ignored.example.invalid:1" });
    expect(configured.proxy).toEqual({
      https: "http://config-proxy.example.invalid:8080/",
      http: "http://config-proxy.example.invalid:8080/",
      noProxy: "registry.internal.example.invalid",
    });
  });

  it("reads CA certificates from cafile, one entry per certificate", async () => {
    const pem = (body: string) =>
      `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
    const cafile = path.join(root, "corp-ca.pem");
    await writeFile(cafile, pem("AAAA") + pem("BBBB"));
    await write(path.join(project, ".npmrc"), [`cafile=${cafile}`]);
    const settings = await load(baseEnv);
    expect(settings.ca).toHaveLength(2);
    expect(settings.ca?.[1]).toContain("BBBB");
  });

  it("sends jenga's user agent unless the user configured one", async () => {
    expect((await load(baseEnv)).userAgent).toBe("jenga/test");
    const custom = await load({ ...baseEnv, npm_config_user_agent: "corp-audit/{node-version}" });
    expect(custom.userAgent).toBe(`corp-audit/${process.version}`);
  });

  it("does not modify the env it is given", async () => {
    const env = { ...baseEnv };
    await load(env);
    expect(env).toEqual(baseEnv);
  });

  it("takes the cwd as the project when no package.json or node_modules is above it", async () => {
    const loose = path.join(root, "loose");
    await mkdir(loose);
    await write(path.join(loose, ".npmrc"), ["registry=https://loose.example.invalid/"]);
    expect((await load(baseEnv, loose)).registry).toBe("https://loose.example.invalid/");
  });
});
