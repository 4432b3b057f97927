import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** A file the citizen pages load: its content, type, and a URL that changes with the content. */
export interface PublicAsset {
  body: Buffer;
  type: string;
  /** `/assets-public/<name>.<hash>.<ext>`: cached for good, since the name changes with the content. */
  url: string;
}

function load(file: string, type: string): PublicAsset {
  const body = readFileSync(new URL(`./assets/${file}`, import.meta.url));
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  const dot = file.lastIndexOf('.');
  return { body, type, url: `/assets-public/${file.slice(0, dot)}.${hash}${file.slice(dot)}` };
}

/**
 * The rating pages' script and style sheet, read once at start. They are files, never inline,
 * so the pages run under a Content-Security-Policy without 'unsafe-inline' (issue 4).
 */
export const PUBLIC_ASSETS = {
  script: load('rating.js', 'text/javascript; charset=utf-8'),
  style: load('rating.css', 'text/css; charset=utf-8'),
} as const;

/** The asset served at `/assets-public/<file>`, by its versioned name. */
export function publicAsset(file: string): PublicAsset | undefined {
  return Object.values(PUBLIC_ASSETS).find((asset) => asset.url === `/assets-public/${file}`);
}

/** The policy of the citizen pages: only our own files, forms posted only to us, no framing. */
export const RATING_PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
