import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../electron/pack/pdf/debian-chromium';

/** Debian's Chromium, which .ci/run installs; a test tool never downloads a browser. */
export const CHROMIUM = CHROMIUM_PATH;

/**
 * Launches Debian's Chromium through playwright-core. Kept apart from the
 * end-to-end harness (which needs vitest) so the benchmarks can launch it too.
 */
export async function launchChromium(options: Pick<LaunchOptions, 'args'> = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: the end-to-end tests need Debian's "chromium" and "fonts-liberation" packages ` +
        '(sudo apt-get install -y chromium fonts-liberation), or BOARDPACK_CHROMIUM set to a Chromium binary.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...(options.args ?? [])] });
}
