import { TANPA_PELINDUNG, type Pelindung } from '../services/sinkron/kunci';
import { defaultDataDir } from './paths';

export type { Pelindung };

/**
 * What differs between the Electron window, the web shell and the CLI, handed to the app context by the
 * door that starts it: no service reads a global set from outside.
 */
export interface Platform {
  /** Which door runs: shown in messages, never used to branch logic in services. */
  readonly nama: 'electron' | 'web' | 'cli' | 'uji';
  /** Wraps private keys at rest (Electron: the OS keychain through safeStorage). */
  readonly pelindung: Pelindung;
  /** The installation's data folder (the default database lives here). */
  readonly folderData: string;
}

/** The platform of the web shell, the CLI and tests: plain Node, the same data folder as the Electron app. */
export function platformNode(nama: 'web' | 'cli' | 'uji'): Platform {
  return { nama, pelindung: TANPA_PELINDUNG, folderData: defaultDataDir() };
}
