import { describe, expect, it } from 'vitest';
import { isAllowedDownloadUrl } from '../../../electron/app/web-policy';

describe('which downloads the desktop app lets through to a save dialog', () => {
  it("allows a blob: URL the app's own page made (its exports)", () => {
    expect(isAllowedDownloadUrl('blob:app://boardpack/3f0c1a9e-7b2d-4c55-9a31-2f1e6d8b0c47')).toBe(true);
  });

  it.each([
    ['a remote file', 'https://evil.example/payload.exe'],
    ['a plain http file', 'http://127.0.0.1:8080/export.csv'],
    ['a local file', 'file:///etc/passwd'],
    ['a data: URL', 'data:text/csv;base64,YSxi'],
    ["the app's own file, not a blob", 'app://boardpack/index.html'],
    ['a blob of a remote page', 'blob:https://evil.example/3f0c1a9e'],
    ['a blob of an opaque origin', 'blob:null/3f0c1a9e'],
    ['a blob of another app:// host', 'blob:app://other/3f0c1a9e'],
    ['a blob whose host hides behind user info', 'blob:app://boardpack@evil.example/3f0c1a9e'],
    ['a blob with a port on the host', 'blob:app://boardpack:443/3f0c1a9e'],
    ['a bare blob: scheme', 'blob:'],
    ['nothing', ''],
  ])('refuses %s', (_what, url) => {
    expect(isAllowedDownloadUrl(url)).toBe(false);
  });
});
