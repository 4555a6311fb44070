import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { type RegistryCredential, Secret } from "../../src/collectors/http/npm-settings.js";
import {
  authorizationFor,
  credentialKeyFor,
  nerfDart,
} from "../../src/collectors/http/registry-auth.js";
import { testSettings } from "./helpers/registry-server.js";

const token = (value: string): RegistryCredential => ({ kind: "token", token: new Secret(value) });

const credentials: Record<string, RegistryCredential> = {
  "//a.example.invalid/": token("host-a"),
  "//b.example.invalid/npm/": token("b-npm"),
  "//c.example.invalid:8443/": token("c-8443"),
  "//d.example.invalid/team/b/": token("d-b"),
  "//e.example.invalid/registry": token("e-no-slash"),
};

describe("credentialKeyFor (npm-registry-fetch's nerf dart walk)", () => {
  it.each([
    ["https://a.example.invalid/left-pad", "//a.example.invalid/"],
    ["https://a.example.invalid/@scope%2fname", "//a.example.invalid/"],
    ["https://b.example.invalid/npm/left-pad", "//b.example.invalid/npm/"],
    ["https://c.example.invalid:8443/x", "//c.example.invalid:8443/"],
    ["https://d.example.invalid/team/b/x", "//d.example.invalid/team/b/"],
    ["https://e.example.invalid/registry/x", "//e.example.invalid/registry"],
  ])("%s uses %s", (url, key) => {
    expect(credentialKeyFor(credentials, url)).toBe(key);
  });

  it.each([
    ["another host", "https://evil.example.invalid/left-pad"],
    ["a host that only ends like the key", "https://xa.example.invalid/left-pad"],
    ["a subdomain of the key's host", "https://sub.a.example.invalid/left-pad"],
    ["the same host on another port", "https://a.example.invalid:8080/left-pad"],
    ["the default port of a key with a port", "https://c.example.invalid/x"],
    ["another port of a key with a port", "https://c.example.invalid:9443/x"],
    [
      "a sibling path: //d/team/b/ must not cover //d/team/bc/",
      "https://d.example.invalid/team/bc/x",
    ],
    ["a parent path", "https://d.example.invalid/team/x"],
    ["a path outside the key's path", "https://b.example.invalid/other/left-pad"],
    ["a sibling of a key without trailing slash", "https://e.example.invalid/registry2/x"],
    ["userinfo that spells the key's host", "https://a.example.invalid@evil.example.invalid/x"],
    ["not a URL", "not a url"],
  ])("nothing for %s", (_why, url) => {
    expect(credentialKeyFor(credentials, url)).toBeNull();
  });

  it("ignores the scheme, as npm does: //host/ covers http: and https:", () => {
    expect(credentialKeyFor(credentials, "http://a.example.invalid/x")).toBe(
      "//a.example.invalid/",
    );
    expect(credentialKeyFor(credentials, "https://a.example.invalid/x")).toBe(
      "//a.example.invalid/",
    );
  });

  it("treats an explicit default port as no port (the URL parser drops it)", () => {
    expect(credentialKeyFor(credentials, "https://a.example.invalid:443/x")).toBe(
      "//a.example.invalid/",
    );
    expect(credentialKeyFor(credentials, "http://a.example.invalid:80/x")).toBe(
      "//a.example.invalid/",
    );
    // ...but 443 is not the default port of http:
    expect(credentialKeyFor(credentials, "http://a.example.invalid:443/x")).toBeNull();
  });

  it("prefers the longest matching key", () => {
    const nested = {
      "//h.example.invalid/": token("outer"),
      "//h.example.invalid/inner/": token("inner"),
    };
    expect(credentialKeyFor(nested, "https://h.example.invalid/inner/x")).toBe(
      "//h.example.invalid/inner/",
    );
    expect(credentialKeyFor(nested, "https://h.example.invalid/outer/x")).toBe(
      "//h.example.invalid/",
    );
  });
});

describe("authorizationFor", () => {
  it("builds Bearer and Basic headers, and none for client certificates", () => {
    const settings = testSettings("https://a.example.invalid/", {
      credentials: {
        "//t.example.invalid/": token("tok"),
        "//u.example.invalid/": { kind: "basic", auth: new Secret("dXNlcjpwYXNz") },
        "//v.example.invalid/": { kind: "client-certificate" },
      },
    });
    expect(authorizationFor(settings, "https://t.example.invalid/x")).toBe("Bearer tok");
    expect(authorizationFor(settings, "https://u.example.invalid/x")).toBe("Basic dXNlcjpwYXNz");
    expect(authorizationFor(settings, "https://v.example.invalid/x")).toBeNull();
    expect(authorizationFor(settings, "https://w.example.invalid/x")).toBeNull();
  });

  it("a client-certificate key still shadows a shorter token key, as in npm", () => {
    const settings = testSettings("https://a.example.invalid/", {
      credentials: {
        "//s.example.invalid/": token("outer"),
        "//s.example.invalid/mtls/": { kind: "client-certificate" },
      },
    });
    expect(authorizationFor(settings, "https://s.example.invalid/mtls/x")).toBeNull();
  });
});

describe("nerfDart", () => {
  it.each([
    ["https://registry.example.invalid/", "//registry.example.invalid/"],
    ["https://registry.example.invalid", "//registry.example.invalid/"],
    ["http://registry.example.invalid:4873/npm/", "//registry.example.invalid:4873/npm/"],
    ["https://registry.example.invalid/npm/pkg", "//registry.example.invalid/npm/"],
    ["https://user:pw@registry.example.invalid/?q#f", "//registry.example.invalid/"],
  ])("%s → %s", (url, dart) => {
    expect(nerfDart(url)).toBe(dart);
  });
});

describe("Secret", () => {
  it("never shows its value when settings are logged or serialised", () => {
    const settings = testSettings("https://a.example.invalid/", {
      credentials: { "//a.example.invalid/": token("s3cr3t-token") },
    });
    expect(JSON.stringify(settings)).not.toContain("s3cr3t-token");
    expect(`${new Secret("s3cr3t-token")}`).not.toContain("s3cr3t-token");
    expect(inspect(settings, { depth: 10 })).not.toContain("s3cr3t-token");
  });
});
