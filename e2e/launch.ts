import { existsSync } from 'node:fs';

// Debian's Chromium when present (no browser downloads needed); otherwise Playwright's own browser,
// installed with `npx playwright install chromium` on machines that have the internet.
export const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

/** Quiet, offline-friendly Chromium: no sandbox (root in CI), no GPU, no calls home. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** Chromium's fake camera, microphone and screen, accepted without a prompt. */
export const fakeMediaArgs = [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--auto-select-desktop-capture-source=Entire screen',
  '--autoplay-policy=no-user-gesture-required',
];
