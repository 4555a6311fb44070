// How every test and bench starts Debian's chromium: headless, no sandbox (root in CI), no
// background traffic. One list for the browser tests (browser.ts) and the scripts in .mjs.
export const chromiumPath = "/usr/bin/chromium";

export const chromiumFlags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];
