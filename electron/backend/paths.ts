import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the store lives when nobody says otherwise: the platform's per-user data folder, the same
 * for Electron and browser mode so both open the same store. TIIMIPOYTA_DATA overrides it.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.TIIMIPOYTA_DATA) return env.TIIMIPOYTA_DATA;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Tiimipoyta', 'store');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Tiimipoyta', 'store');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'tiimipoyta', 'store');
}
