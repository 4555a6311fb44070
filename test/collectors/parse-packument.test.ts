/**
 * The streaming parser and JSON.parse must give the same evidence, whatever
 * the document and however its bytes are split.
 */
import { describe, expect, it } from "vitest";
import { fromPackument } from "../../src/collectors/registry/from-packument.js";
import {
  createPackumentStreamParser,
  type PackumentParse,
  parsePackumentBytes,
} from "../../src/collectors/registry/parse-packument.js";
import { readPackumentBody } from "../../src/collectors/registry/read-packument-body.js";
import { FIXTURE_NAMES, readFixture } from "./helpers/registry-server.js";

const REGISTRY = "https://registry.example.invalid/";

function chunked(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let start = 0; start < bytes.length; start += size)
    chunks.push(bytes.subarray(start, start + size));
  return chunks;
}

function streamed(chunks: Uint8Array[]): PackumentParse {
  const parser = createPackumentStreamParser(REGISTRY);
  for (const chunk of chunks) parser.write(chunk);
  return parser.end();
}

/** Both parsers, with the stream fed whole, byte by byte, and in odd-sized chunks. */
function expectSameBothWays(text: string): PackumentParse {
  const bytes = new TextEncoder().encode(text);
  const viaJson = parsePackumentBytes(bytes, REGISTRY);
  for (const size of [bytes.length || 1, 1, 7, 4096]) {
    expect(streamed(chunked(bytes, size))).toEqual(viaJson);
  }
  return viaJson;
}

async function* source(chunks: Uint8Array[]): AsyncIterable<Uint8Array> {
  yield* chunks;
}

describe("streaming parser vs JSON.parse", () => {
  it.each(FIXTURE_NAMES)("agree on %s, and both equal fromPackument", async (name) => {
    const text = await readFixture(name);
    const parsed = expectSameBothWays(text);
    expect(parsed).toEqual({ ok: true, evidence: fromPackument(JSON.parse(text), REGISTRY) });
  });

  it.each([
    ["an empty object", "{}"],
    [
      "versions as an array",
      '{"name":"a","versions":[{"version":"1.0.0"}],"time":{"1.0.0":"2020-01-01T00:00:00Z"}}',
    ],
    ["versions as a string", '{"versions":"1.0.0"}'],
    ["non-object manifests", '{"versions":{"1.0.0":null,"1.0.1":5,"1.0.2":{"deprecated":"x"}}}'],
    [
      "duplicated keys (last wins)",
      '{"name":"a","name":"b","versions":{"1.0.0":{"license":"A"},"1.0.0":{"license":"B"}}}',
    ],
    ["a duplicated versions object", '{"versions":{"1.0.0":{}},"versions":{"2.0.0":{}}}'],
    [
      "__proto__ keys",
      '{"__proto__":{"x":1},"dist-tags":{"__proto__":"1.0.0"},"versions":{"__proto__":{}}}',
    ],
    [
      "top-level fields of the wrong type",
      '{"name":5,"dist-tags":[1],"maintainers":{"a":1},"time":"now","bugs":[]}',
    ],
    ["a byte-order mark and whitespace", '\ufeff \n {"name":"bom"} \n'],
    [
      "multi-byte characters",
      '{"name":"ünï","description":"😀 日本語 ✓","versions":{"1.0.0":{"deprecated":"→ 2.0"}}}',
    ],
    ["escapes", '{"description":"a\\"b\\\\c\\u00e9\\n\\ud83d\\ude00"}'],
    [
      "deep nesting inside a version",
      `{"versions":{"1.0.0":{"x":${"[".repeat(500)}${"]".repeat(500)}}}}`,
    ],
    [
      "ignored huge top-level values",
      `{"readme":"${"r".repeat(100_000)}","users":{"a":true},"name":"big"}`,
    ],
  ])("agree on %s", (_what, text) => {
    expect(expectSameBothWays(text).ok).toBe(true);
  });

  it.each([
    ["garbage", "<html>502 Bad Gateway</html>", "unparsable body"],
    ["a truncated document", '{"name":"a","versions":{"1.0.0":{', "unparsable body"],
    ["an empty body", "", "unparsable body"],
    ["whitespace only", "  \n", "unparsable body"],
    ["trailing garbage", '{"name":"a"} trailing', "unparsable body"],
    ["two documents", "{}{}", "unparsable body"],
    ["an array", "[1,2,3]", "not a packument"],
    ["a string", '"left-pad"', "not a packument"],
    ["null", "null", "not a packument"],
  ])("agree that %s is not usable", (_what, text, problem) => {
    expect(expectSameBothWays(text)).toEqual({ ok: false, problem });
  });
});

describe("readPackumentBody", () => {
  const limits = { streamAboveBytes: 2048, maxBodyBytes: 1024 * 1024 };

  it("switches to the stream when an unknown-length body grows past the threshold", async () => {
    const text = await readFixture("@acme/widget-core");
    const bytes = new TextEncoder().encode(text);
    expect(bytes.length).toBeGreaterThan(limits.streamAboveBytes);
    const result = await readPackumentBody(source(chunked(bytes, 500)), REGISTRY, null, limits);
    expect(result).toEqual({
      ok: true,
      parser: "stream",
      evidence: fromPackument(JSON.parse(text), REGISTRY),
    });
  });

  it("streams from the start when the declared length is above the threshold", async () => {
    const bytes = new TextEncoder().encode(await readFixture("left-trim-lite"));
    const result = await readPackumentBody(source([bytes]), REGISTRY, bytes.length, limits);
    expect(result.ok && result.parser).toBe("stream");
  });

  it("uses JSON.parse below the threshold", async () => {
    const bytes = new TextEncoder().encode('{"name":"small"}');
    const result = await readPackumentBody(source([bytes]), REGISTRY, bytes.length, limits);
    expect(result.ok && result.parser).toBe("json");
  });

  it("refuses a body over the hard cap, declared or not", async () => {
    const big = new Uint8Array(limits.maxBodyBytes + 1).fill(0x20);
    expect(await readPackumentBody(source([big]), REGISTRY, null, limits)).toEqual({
      ok: false,
      problem: "body too large",
    });
    expect(await readPackumentBody(source([]), REGISTRY, big.length, limits)).toEqual({
      ok: false,
      problem: "body too large",
    });
  });
});
