import { useEffect, useState } from 'react';

// Hash routes (#/cases, #/cases/<id>, #/stats, #/admin): the server only has to serve index.html.

export type Route =
  | { page: 'cases'; params: URLSearchParams }
  | { page: 'case'; id: string }
  | { page: 'stats'; params: URLSearchParams }
  | { page: 'admin' }
  | { page: 'home' }
  | { page: 'unknown' };

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [pathPart = '', queryPart = ''] = raw.split('?', 2);
  const segments = pathPart.split('/').filter(Boolean);
  const params = new URLSearchParams(queryPart);
  const [first, second] = segments;
  if (segments.length === 0) return { page: 'home' };
  if (first === 'cases' && segments.length === 1) return { page: 'cases', params };
  if (first === 'cases' && second !== undefined && segments.length === 2) return { page: 'case', id: safeDecode(second) };
  if (first === 'stats' && segments.length === 1) return { page: 'stats', params };
  if (first === 'admin' && segments.length === 1) return { page: 'admin' };
  return { page: 'unknown' };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function caseHref(id: string): string {
  return `#/cases/${encodeURIComponent(id)}`;
}

export function useHashRoute(): Route {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const update = () => setHash(window.location.hash);
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return parseRoute(hash);
}

export function navigate(hash: string): void {
  if (window.location.hash !== hash) window.location.hash = hash;
}
