import { buildRenderer } from '../../electron/preview/run-preview';

/** Builds the renderer once for every end-to-end test file. */
export default async function setup(): Promise<void> {
  await buildRenderer();
}
