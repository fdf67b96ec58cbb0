import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The app's root folder (where package.json sits) both in the repository and inside app.asar:
 * this file is compiled to dist/node/electron/backend/appinfo.js.
 */
export const APP_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

export const APP_VERSION: string = (JSON.parse(readFileSync(join(APP_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The built renderer (Vite output). */
export const RENDERER_DIR = join(APP_ROOT, 'dist', 'renderer');
