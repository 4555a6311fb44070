import { describe, expect, it } from "vitest";
import { analyzeUsage } from "../../src/collectors/usage/analyze-usage.js";

const component = `<script context="module" lang="ts">
  import type { Load } from "@sveltejs/kit";
  export const load: Load = async () => ({});
</script>

<script>
  import { fade } from "svelte/transition";
  import confetti from "canvas-confetti";
  let shown = $state(false);
</script>

{#if shown}
  <div transition:fade on:click={() => confetti()}>Hi</div>
{/if}
`;

describe("Svelte components", () => {
  it("reads the module and instance scripts, TypeScript where lang says so", () => {
    const analysis = analyzeUsage({
      files: [{ path: "src/routes/+page.svelte", text: component }],
      manifests: [
        {
          dir: "",
          data: {
            main: "src/routes/+page.svelte",
            dependencies: { "@sveltejs/kit": "2", svelte: "5", "canvas-confetti": "1" },
          },
        },
      ],
    });
    expect(analysis.blindSpots).toEqual([]);
    expect(analysis.packages.get("@sveltejs/kit")?.class).toBe("type-only");
    expect(analysis.packages.get("svelte")?.sites.map((s) => `${s.line} ${s.symbols}`)).toEqual([
      "7 fade",
    ]);
    expect(analysis.packages.get("canvas-confetti")?.class).toBe("runtime");
  });
});
