// Where the app keeps its collection when no --data-dir is given: Electron's `userData` folder for
// an app named Deckhand. The CLI runs without Electron, so it works the folder out the same way.
import os from 'node:os';
import path from 'node:path';

export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Deckhand');
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), 'Deckhand');
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'Deckhand');
}
