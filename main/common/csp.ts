/**
 * The Content-Security-Policy of the app's page, the same in the Electron window and the web shell: only the
 * app's own scripts and styles, no remote content, no frames, no forms posting elsewhere.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
