import type { ReactNode } from 'react';
import { safeHttpUrl } from '../format.ts';
import { useI18n } from '../i18n.ts';

/**
 * A link to a marketplace page: untrusted, so only http(s), in a new tab without opener or referrer. Anything
 * else is shown as text, never as a link.
 */
export function ExternalLink({ href, children, className }: { href: string | undefined | null; children?: ReactNode; className?: string }) {
  const { t } = useI18n();
  const safe = safeHttpUrl(href);
  if (!safe) {
    return (
      <span className={className}>
        {children ?? href} <small className="muted">({t('unsafeUrl')})</small>
      </span>
    );
  }
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer" className={className}>
      {children ?? safe}
      <span aria-hidden="true"> ↗</span>
    </a>
  );
}
