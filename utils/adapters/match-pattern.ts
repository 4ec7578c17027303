// WebExtension match patterns, evaluated the way browsers do for host/path matching. Shared by the
// registry (picking an adapter), defineAdapter (validating declarations) and the main-world
// observer (which requests to copy), so all three agree on what a pattern means.
const PATTERN = /^(\*|https?|wss?|file|ftp):\/\/(\*|\*\.[^/*]+|[^/*]+)?(\/.*)$/;

/** Whether `pattern` is a valid WebExtension match pattern (`<all_urls>` included). */
export function isValidMatchPattern(pattern: string): boolean {
  if (pattern === '<all_urls>') return true;
  const m = PATTERN.exec(pattern);
  if (!m) return false;
  if (m[1] !== 'file' && !m[2]) return false;
  return true;
}

/** The host part of a pattern (`*.shopee.vn`, `shopee.vn`, `*`), or undefined when invalid. */
export function patternHost(pattern: string): string | undefined {
  return PATTERN.exec(pattern)?.[2];
}

const compiled = new Map<string, RegExp | null>();

function toRegExp(pattern: string): RegExp | null {
  if (pattern === '<all_urls>') return /^(https?|wss?|file|ftp):\/\//;
  const m = PATTERN.exec(pattern);
  if (!m) return null;
  const [, scheme, host = '', path = '/'] = m;
  const esc = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  const schemeRe = scheme === '*' ? 'https?' : esc(scheme!);
  const hostRe = host === '*' ? '[^/]+' : host.startsWith('*.') ? `([^/]+\\.)?${esc(host.slice(2))}` : esc(host);
  const pathRe = esc(path).replace(/\*/g, '.*');
  return new RegExp(`^${schemeRe}://${hostRe}(:\\d+)?${pathRe}$`);
}

/** Whether `url` matches a WebExtension match pattern (query and hash are ignored, as browsers do for host matching). */
export function matchesPattern(pattern: string, url: URL): boolean {
  let re = compiled.get(pattern);
  if (re === undefined) {
    re = toRegExp(pattern);
    compiled.set(pattern, re);
  }
  if (!re) return false;
  return re.test(`${url.protocol.slice(0, -1)}://${url.hostname}${url.port ? ':' + url.port : ''}${url.pathname}`);
}
