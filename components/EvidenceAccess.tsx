import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Language } from '../utils/i18n';
import type { EvidenceAccess } from '../utils/messaging/protocol';
import { sendMessage } from '../utils/messaging/send';
import { EVIDENCE_OPTIONAL_PERMISSIONS } from '../utils/evidence/permissions';
import { fromBase64 } from '../contract/bytes';

// Evidence strings live here (this section and the popup's download button only), in both languages.
const TEXT = {
  vi: {
    title: 'Bằng chứng kèm báo cáo',
    now: (a: EvidenceAccess) =>
      `Hiện tại: ${a.screenshots ? 'có ảnh chụp màn hình (và toàn trang cho thanh tra)' : 'ảnh chụp màn hình chỉ khi bạn báo cáo bằng nút tiện ích trên thanh công cụ, phím tắt Alt+Shift+B hoặc menu chuột phải'}; lưu trang ${a.mhtml ? 'dạng MHTML' : 'dạng HTML đã làm sạch'}.`,
    help: 'Thanh tra viên: cấp một lần để nút Báo cáo trên trang chụp màn hình, chụp toàn trang và lưu trang dạng MHTML. Thông tin người mua đang đăng nhập (tên, ảnh đại diện, giỏ hàng) luôn bị che.',
    grant: 'Cho phép chụp màn hình và lưu trang',
    revoke: 'Thu hồi quyền',
    download: 'Tải gói bằng chứng (.zip)',
    gone: 'Gói bằng chứng không còn trên máy này.',
    countersigned: 'Đã tải bản có chữ ký đối ứng của đường dây nóng.',
    ownCopy: 'Đã tải bản do tiện ích ký (đường dây nóng chưa ký đối ứng hoặc không liên lạc được).',
  },
  en: {
    title: 'Evidence with reports',
    now: (a: EvidenceAccess) =>
      `Now: ${a.screenshots ? 'screenshots (and the full page for inspectors)' : 'screenshots only when you report through the toolbar button, Alt+Shift+B or the context menu'}; page archive ${a.mhtml ? 'as MHTML' : 'as cleaned HTML'}.`,
    help: 'Inspectors: grant once so the in-page Report button takes the screenshot, the full page and an MHTML archive. The signed-in buyer’s name, avatar and cart are always masked.',
    grant: 'Allow screenshots and page archives',
    revoke: 'Revoke',
    download: 'Download evidence bundle (.zip)',
    gone: 'The evidence bundle is no longer kept on this computer.',
    countersigned: 'Downloaded the copy countersigned by the hotline.',
    ownCopy: 'Downloaded the copy signed by the extension (the hotline has not countersigned it yet or cannot be reached).',
  },
} as const;

/** Options page: what evidence the in-page button captures now, and the one-time optional grant for inspectors. */
export function EvidenceAccessSection({ language }: { language: Language }) {
  const text = TEXT[language];
  const [access, setAccess] = useState<EvidenceAccess>();
  const refresh = () => void sendMessage('evidenceAccess', {}).then(setAccess, () => undefined);
  useEffect(refresh, []);

  async function grant() {
    // in the click's user gesture: the browser asks the user
    await browser.permissions.request({ permissions: [...EVIDENCE_OPTIONAL_PERMISSIONS.permissions], origins: [...EVIDENCE_OPTIONAL_PERMISSIONS.origins] } as never).catch(() => false);
    refresh();
  }
  async function revoke() {
    await browser.permissions.remove({ permissions: [...EVIDENCE_OPTIONAL_PERMISSIONS.permissions], origins: [...EVIDENCE_OPTIONAL_PERMISSIONS.origins] } as never).catch(() => false);
    refresh();
  }

  return (
    <section aria-labelledby="evidence-access-title" className="evidence-access">
      <h2 id="evidence-access-title">{text.title}</h2>
      {access && <p className="help">{text.now(access)}</p>}
      <p className="help">{text.help}</p>
      <button type="button" onClick={() => void (access?.screenshots && access.mhtml ? revoke() : grant())}>
        {access?.screenshots && access.mhtml ? text.revoke : text.grant}
      </button>
    </section>
  );
}

/** Popup: the reporter's own copy of a report's evidence, as the signed bundle zip. */
export function EvidenceDownloadButton({ entryId, language }: { entryId: string; language: Language }) {
  const text = TEXT[language];
  const [gone, setGone] = useState(false);
  const [which, setWhich] = useState<'countersigned' | 'ownCopy' | undefined>();
  async function download() {
    const result = await sendMessage('exportEvidence', { entryId });
    if (!result.ok) return setGone(true);
    setWhich(result.countersigned ? 'countersigned' : 'ownCopy');
    const bytes = fromBase64(result.zipBase64);
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = result.fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  if (gone) return <p className="evidence-gone">{text.gone}</p>;
  return (
    <>
      <button type="button" className="link evidence-download" onClick={() => void download()}>
        {text.download}
      </button>
      <span className="evidence-which" role="status">
        {which ? text[which] : ''}
      </span>
    </>
  );
}
