/** The sign-in page's address; `tiep` ("next") holds where to go once signed in. */
export const SIGN_IN_PATH = '/dang-nhap';
export const NEXT_PARAM = 'tiep';
/** Where a sign-in without (or with an unusable) `tiep` goes. */
export const HOME_PATH = '/ho-so';

// Any origin would do: it only tells a path of this site from an address of another one.
const PROBE_ORIGIN = 'https://hailong.invalid';

/** The sign-in page's address that comes back to `path` + `search` afterwards. */
export function signInHref(path: string, search: string): string {
  return `${SIGN_IN_PATH}?${new URLSearchParams({ [NEXT_PARAM]: `${path}${search}` }).toString()}`;
}

/**
 * Where to go after signing in: `tiep` when it is a path of this site, else the dossier list.
 * Another site is never reached (an open redirect would lend our address to phishing): `//host`,
 * `/\host`, a tab or newline inside `//`, `https:…` all resolve to another origin and are refused.
 */
export function nextPathOf(search: string): string {
  const next = new URLSearchParams(search).get(NEXT_PARAM);
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\'))
    return HOME_PATH;
  let url: URL;
  try {
    url = new URL(next, PROBE_ORIGIN);
  } catch {
    return HOME_PATH;
  }
  if (url.origin !== PROBE_ORIGIN || url.pathname === SIGN_IN_PATH) return HOME_PATH;
  return `${url.pathname}${url.search}${url.hash}`;
}
