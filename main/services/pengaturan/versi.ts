import pkg from '../../../package.json' with { type: 'json' };

export const APP_VERSION_TEXT: string = pkg.version;
