/**
 * Semantic-version order (semver.org §11) for rule-pack versions: numeric major.minor.patch, a pre-release
 * ("2.0.0-rc.1") before its release, pre-release identifiers compared numerically when both are numbers,
 * build metadata ("+build.5") ignored. Returns < 0, 0 or > 0.
 */
const VERSION = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;
const NUMERIC = /^\d+$/;

export function compareVersions(a: string, b: string): number {
  const x = VERSION.exec(a);
  const y = VERSION.exec(b);
  if (!x || !y) return x ? 1 : y ? -1 : 0; // a malformed version sorts first (the pack schema refuses them anyway)
  for (let k = 1; k <= 3; k++) {
    const d = Number(x[k]) - Number(y[k]);
    if (d !== 0) return Math.sign(d);
  }
  const pa = x[4];
  const pb = y[4];
  if (pa === undefined || pb === undefined) return pa === pb ? 0 : pa === undefined ? 1 : -1;
  const ia = pa.split('.');
  const ib = pb.split('.');
  for (let k = 0; k < Math.min(ia.length, ib.length); k++) {
    const s = ia[k]!;
    const t = ib[k]!;
    if (s === t) continue;
    const sn = NUMERIC.test(s);
    const tn = NUMERIC.test(t);
    if (sn && tn) return Math.sign(Number(s) - Number(t));
    if (sn !== tn) return sn ? -1 : 1; // numeric identifiers have lower precedence
    return s < t ? -1 : 1;
  }
  return Math.sign(ia.length - ib.length);
}
