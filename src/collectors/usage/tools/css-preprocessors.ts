import { firstDeclared, type Tool, type ToolUse } from "./tool.js";

/** Bundlers and frameworks that compile `.scss`/`.less`/`.styl` files by loading the compiler themselves. */
export const bundlers = [
  "vite",
  "webpack",
  "parcel",
  "next",
  "nuxt",
  "astro",
  "@sveltejs/kit",
  "@angular/build",
  "@angular-devkit/build-angular",
  "react-scripts",
  "@vue/cli-service",
  "gatsby",
  "@rsbuild/core",
  "@rspack/core",
  "vitepress",
  "storybook",
];

const languages: { id: string; files: RegExp; block: RegExp; compilers: string[] }[] = [
  {
    id: "sass",
    files: /\.s[ac]ss$/,
    block: /lang=["']s[ac]ss["']/,
    compilers: ["sass-embedded", "sass", "node-sass"],
  },
  { id: "less", files: /\.less$/, block: /lang=["']less["']/, compilers: ["less"] },
  { id: "stylus", files: /\.styl(us)?$/, block: /lang=["']styl(us)?["']/, compilers: ["stylus"] },
];

/**
 * Stylesheets in a preprocessor language, with a bundler declared, imply its
 * compiler: vite and the others load `sass-embedded` or `sass` themselves
 * when they meet a `.scss` file (or a `<style lang="scss">` block), so no
 * import names it.
 */
export const cssPreprocessors: Tool = {
  id: "css-preprocessors",
  enablers: ["sass", "sass-embedded", "node-sass", "less", "stylus"],
  uses: ({ files, declared }) => {
    const bundler = firstDeclared(bundlers, declared);
    if (!bundler) return [];
    const out: ToolUse[] = [];
    for (const language of languages) {
      const file = files.find(
        (f) =>
          language.files.test(f.path) ||
          (/\.(vue|svelte|astro)$/.test(f.path) && language.block.test(f.text)),
      );
      if (!file) continue;
      for (const name of language.compilers.filter((c) => declared.has(c)))
        out.push({
          name,
          file: file.path,
          line: 1,
          detail: `${language.id} files compiled by ${bundler}`,
        });
    }
    return out;
  },
};
