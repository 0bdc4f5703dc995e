/**
 * Destructive study-data actions (deleting everything, replacing it with an imported file,
 * deleting a story) refuse to run on a page shown inside another site's frame. GitHub Pages
 * ignores _headers, so the frame-ancestors policy that would forbid framing never reaches the
 * browser there; a framing page could otherwise overlay the site and trick a reader into
 * clicking "Delete everything".
 */

/** Whether the page is inside a frame. A browser that will not say counts as framed. */
export function isFramed(win: { readonly top: unknown; readonly self: unknown } = window): boolean {
  try {
    return win.top !== win.self;
  } catch {
    return true;
  }
}

export const FRAMED_MESSAGE =
  'This page is shown inside another site, so deleting or replacing your data is turned off here: the other site could trick you into clicking. Open the page directly (type its address or use a bookmark) to do it.';
