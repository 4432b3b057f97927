import type { AnchorHTMLAttributes, ComponentChildren, TargetedMouseEvent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A tiny history router: the page is chosen from `location.pathname`, filters live in the
 * query string, links push history entries and the back button replays them (popstate).
 * The server answers every non-API GET with index.html, so every URL can be bookmarked.
 */
export interface Location {
  path: string;
  search: string;
}

const NAVIGATE_EVENT = 'hailong:navigate';

function current(): Location {
  return { path: window.location.pathname, search: window.location.search };
}

/** Goes to `to` (path and query) without reloading; `replace` rewrites the current history entry. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const target = new URL(to, window.location.href);
  if (
    target.pathname === window.location.pathname &&
    target.search === window.location.search &&
    !options.replace
  )
    return;
  if (options.replace) window.history.replaceState(null, '', target);
  else window.history.pushState(null, '', target);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** The current path and query; re-renders on navigation and on back/forward. */
export function useLocation(): Location {
  const [location, setLocation] = useState(current);
  useEffect(() => {
    const update = () => setLocation(current());
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATE_EVENT, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATE_EVENT, update);
    };
  }, []);
  return location;
}

type LinkProps = Omit<AnchorHTMLAttributes, 'href'> & { href: string; children?: ComponentChildren };

/** An ordinary link that navigates in-app on a plain left click (new tab, copy link etc. still work). */
export function Link({ href, children, onClick, ...rest }: LinkProps) {
  const handleClick = (event: TargetedMouseEvent<HTMLAnchorElement>) => {
    if (typeof onClick === 'function') onClick(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={handleClick} {...rest}>
      {children}
    </a>
  );
}
