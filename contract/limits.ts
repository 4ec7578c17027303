/** Caps for page-derived strings: marketplace pages are adversarial, so every string is bounded. */
export const LIMITS = {
  shortText: 300,
  title: 500,
  description: 10_000,
  url: 2_048,
  images: 30,
  attributes: 60,
  categoryDepth: 10,
  note: 4_000,
  hits: 100,
} as const;

/** Cut a string to `max` UTF-16 units without splitting a surrogate pair. */
export function capText(value: string, max: number): string {
  if (value.length <= max) return value;
  let end = max;
  const code = value.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return value.slice(0, end);
}
