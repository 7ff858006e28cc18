import { homedir } from 'node:os';
import { join } from 'node:path';

/** Same folder Electron's app.getPath('userData') gives for productName "Bermantra". */
export function defaultDataDir(): string {
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Bermantra');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Bermantra');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Bermantra');
}

export function defaultDbPath(): string {
  return join(defaultDataDir(), 'bermantra.sqlite');
}
