/**
 * The Chromium that prints PDFs outside Electron (the preview, the command line)
 * and runs the end-to-end tests: Debian's (`apt-get install chromium`), or the
 * binary BOARDPACK_CHROMIUM names. Never a downloaded browser.
 */
export const CHROMIUM_PATH = process.env.BOARDPACK_CHROMIUM ?? '/usr/bin/chromium';

/** No sandbox (containers, CI), no GPU, nothing that talks to Google. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
