// The renderer's Content-Security-Policy, shared by the Electron shell and the preview so both
// run the UI under the same rules: only our own scripts and styles, no inline script, no remote
// origin of any kind (the app is offline by construction).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "media-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
