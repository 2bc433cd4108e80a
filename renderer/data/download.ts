import type { ViewFile } from '../../shared/views/view-file';

/**
 * Offers a file to save the way a browser does: a Blob and a temporary
 * <a download> (no data: URL). The browser preview saves it; the desktop app's
 * session lets exactly such downloads through (a blob: URL of the app's own
 * origin, electron/app/web-policy.ts isAllowedDownloadUrl) to Electron's save
 * dialog, and cancels every other download.
 */
export function downloadFile(file: ViewFile): void {
  const bytes =
    file.encoding === 'base64'
      ? Uint8Array.from(atob(file.content), (character) => character.charCodeAt(0))
      : file.content;
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
