import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UsageAnalysis } from "../../src/collectors/usage/analyze-usage.js";
import { analyzeProject } from "../../src/collectors/usage/collect-usage.js";
import { usageLimits } from "../../src/collectors/usage/limits.js";

const page = `---
import Layout from "../layouts/Layout.astro";
import { getCollection, type CollectionEntry } from "astro:content";
import { format } from "date-fns";
const posts: CollectionEntry<"blog">[] = await getCollection("blog");
const note = "<script>import 'not-a-script'</script>";
---
<Layout title="Blog">
  <ul>{posts.map((p) => <li>{format(p.data.date, "PP")}</li>)}</ul>
</Layout>

<script>
  import { animate } from "motion";
  const el: HTMLElement | null = document.querySelector("ul");
  if (el) animate(el, { opacity: 1 });
</script>
`;

const layout = `---
interface Props { title: string }
const { title } = Astro.props;
---
<html><head><title>{title}</title></head><body><slot /></body></html>
<script lang="ts">
  import "@fontsource/inter";
</script>
`;

let root: string;
let analysis: UsageAnalysis;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "jenga-usage-astro-"));
  await mkdir(path.join(root, "src/pages"), { recursive: true });
  await mkdir(path.join(root, "src/layouts"));
  const dependencies = {
    astro: "5",
    "date-fns": "3",
    motion: "11",
    "@fontsource/inter": "5",
    "not-a-script": "1",
  };
  await writeFile(path.join(root, "package.json"), JSON.stringify({ dependencies }));
  await writeFile(path.join(root, "src/pages/index.astro"), page);
  await writeFile(path.join(root, "src/layouts/Layout.astro"), layout);
  analysis = (await analyzeProject(root, usageLimits)) as UsageAnalysis;
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("Astro components", () => {
  it("reads the frontmatter and the script blocks as TypeScript, at their own lines", () => {
    expect(analysis.blindSpots).toEqual([]);
    expect(analysis.filesParsed).toBe(2);
    const sites = (name: string) =>
      analysis.packages.get(name)?.sites.map((s) => `${s.file}:${s.line} ${s.symbols}`);
    expect(sites("date-fns")).toEqual(["src/pages/index.astro:4 format"]);
    expect(sites("motion")).toEqual(["src/pages/index.astro:13 animate"]);
    expect(sites("@fontsource/inter")).toEqual(["src/layouts/Layout.astro:7 "]);
  });

  it("finds no import in a frontmatter string", () => {
    expect(analysis.packages.get("not-a-script")?.class).toBe("unused");
  });
});
