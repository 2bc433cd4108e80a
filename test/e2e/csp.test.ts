import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, type RunningApp } from './harness';

/**
 * Issue 8, point 6: the renderer's Content-Security-Policy, as real Chromium
 * enforces it on the served page: an inline script, an inline event handler,
 * a string timer (eval) and a request to another origin are all refused, each with a violation.
 */

let browser: Browser;
let app: RunningApp;

beforeAll(async () => {
  browser = await launchChromium();
  app = await openApp(browser);
  await app.page.getByRole('heading', { name: 'Plans', level: 1 }).waitFor();
}, 60_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
});

describe('the Content-Security-Policy in Chromium', () => {
  it('refuses an inline script, an inline handler, eval and a remote fetch', async () => {
    const outcome = await app.page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective));
      const flags = window as unknown as Record<string, boolean>;

      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.body.append(script);

      const image = document.createElement('img');
      image.setAttribute('onerror', 'window.handlerRan = true');
      image.src = 'data:image/png;base64,not-an-image';
      document.body.append(image);

      // A string timer is eval by another name; it runs later, in the page's own context, under its CSP
      // (playwright's evaluate itself is exempt, so eval is not tried directly here).
      (setTimeout as unknown as (code: string, ms: number) => void)('window.evalRan = true', 0);

      const fetched = await fetch('https://example.org/').then(
        () => true,
        () => false,
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      return {
        inlineRan: flags['inlineRan'] === true,
        handlerRan: flags['handlerRan'] === true,
        evalRan: flags['evalRan'] === true,
        fetched,
        violations,
      };
    });
    expect(outcome).toMatchObject({ inlineRan: false, handlerRan: false, evalRan: false, fetched: false });
    expect(outcome.violations).toEqual(
      expect.arrayContaining(['script-src-elem', 'script-src-attr', 'script-src', 'connect-src']),
    );
  });
});
