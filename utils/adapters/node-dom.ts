// Node-only: builds a Document from saved HTML with happy-dom, for tests, scripts/extract.ts and the
// benchmark. Never imported by the content script (which gets the page's real document).
//
// Why happy-dom rather than linkedom: HTML attribute names must be lower-cased as a browser does
// (React pages write `itemProp`, and microdata selectors rely on `[itemprop]`); linkedom keeps the
// source case. Scripts are parsed but never run.
import { Window } from 'happy-dom';

let shared: Window | undefined;

function window(): Window {
  if (!shared) {
    shared = new Window({
      url: 'https://localhost/',
      settings: {
        disableJavaScriptEvaluation: true,
        disableJavaScriptFileLoading: true,
        disableCSSFileLoading: true,
        disableIframePageLoading: true,
        disableComputedStyleRendering: true,
        navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
      },
    });
  }
  return shared;
}

/** Parses `html` into a Document (no scripts run, no sub-resources load). */
export function parseHtml(html: string): Document {
  const w = window();
  const parser = new w.DOMParser();
  return parser.parseFromString(html, 'text/html') as unknown as Document;
}

/** An empty document (URL-only extraction). */
export function emptyDocument(): Document {
  return parseHtml('<!DOCTYPE html><html><head></head><body></body></html>');
}

/** Releases happy-dom's window (timers etc.) so a CLI process can exit promptly. */
export async function closeDom(): Promise<void> {
  if (shared) {
    const w = shared;
    shared = undefined;
    await w.happyDOM.close();
  }
}
