import { describe, expect, it } from "vitest";
import { analyzeUsage } from "../../src/collectors/usage/analyze-usage.js";

const component = `<template>
  <!-- <script>import "commented-out";</script> -->
  <button @click="count++">{{ label }}</button>
</template>

<script lang="ts">
import { defineComponent } from "vue";
export default defineComponent({ name: "Counter" });
</script>

<script setup lang="ts">
import { ref } from "vue";
import { useStore } from "pinia";
import type { Options } from "ky";
const count = ref<number>(0);
const store = useStore() as unknown as Options;
</script>

<script type="text/x-template" id="row">
  <div>{{ row }}</div>
</script>

<style scoped>
button { color: red; }
</style>
`;

describe("Vue single-file components", () => {
  it("reads both script blocks as TypeScript, at their own lines, and nothing else", () => {
    const analysis = analyzeUsage({
      files: [{ path: "src/Counter.vue", text: component }],
      manifests: [
        {
          dir: "",
          data: {
            main: "src/Counter.vue",
            dependencies: { vue: "3", pinia: "2", ky: "1", "commented-out": "1" },
          },
        },
      ],
    });
    expect(analysis.blindSpots).toEqual([]);
    const sites = analysis.packages.get("vue")?.sites.map((s) => `${s.line} ${s.symbols}`);
    expect(sites).toEqual(["7 defineComponent", "12 ref"]);
    expect(analysis.packages.get("pinia")?.class).toBe("runtime");
    expect(analysis.packages.get("ky")?.class).toBe("type-only");
    expect(analysis.packages.get("commented-out")?.class).toBe("unused");
  });
});
