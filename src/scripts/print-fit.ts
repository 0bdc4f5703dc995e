/**
 * Fits a one-page printout (the prompt cheat sheets) on one sheet of paper, US Letter or A4,
 * whatever the prompt's length. Just before printing, the page is laid out once with its print
 * styles at the width of the printable area, its height is measured, and the sheet is scaled down
 * (the `--print-zoom` variable its print CSS reads) when it would not fit. Without script, the
 * print CSS alone applies; tests/e2e/print.test.ts prints every sheet on both paper sizes.
 */

const MM = 96 / 25.4;

/**
 * The printable area in CSS pixels of the smaller of the two papers (A4 is narrower, Letter is
 * shorter), inside the margins the sheet's @page rule sets.
 */
export function printableBox(margin: { vertical: number; horizontal: number }): { width: number; height: number } {
  return {
    width: Math.floor((Math.min(210, 215.9) - 2 * margin.horizontal) * MM),
    height: Math.floor((Math.min(297, 279.4) - 2 * margin.vertical) * MM),
  };
}

/**
 * The scale that fits content of this height in the available height: 1 when it fits, never
 * below `min` (smaller type would not be readable on paper), rounded down to whole percent with
 * a percent to spare.
 */
export function fitScale(contentHeight: number, available: number, min = 0.75): number {
  if (!(contentHeight > 0) || contentHeight <= available) return 1;
  return Math.max(min, Math.floor((available / contentHeight) * 100 - 1) / 100);
}

function printMediaRules(rules: CSSRuleList, found: CSSMediaRule[]): void {
  for (const rule of rules) {
    if (rule instanceof CSSMediaRule && /\bprint\b/.test(rule.media.mediaText) && !/\bscreen\b/.test(rule.media.mediaText))
      found.push(rule);
    else if ('cssRules' in rule) printMediaRules((rule as CSSGroupingRule).cssRules, found);
  }
}

/** The document's height laid out with its print styles at `width` pixels. Restores everything. */
export function printHeight(width: number): number {
  const undo: (() => void)[] = [];
  for (const sheet of document.styleSheets) {
    const owner = sheet.ownerNode;
    if (owner instanceof HTMLLinkElement && owner.media === 'print') {
      owner.media = 'all';
      undo.push(() => (owner.media = 'print'));
    }
    const rules: CSSMediaRule[] = [];
    try {
      printMediaRules(sheet.cssRules, rules);
    } catch {
      continue; // A stylesheet from another origin: the site has none.
    }
    for (const rule of rules) {
      rule.media.appendMedium('screen');
      undo.push(() => rule.media.deleteMedium('screen'));
    }
  }
  const root = document.documentElement;
  const before = root.style.width;
  root.style.width = `${width}px`;
  const height = document.body.scrollHeight;
  root.style.width = before;
  for (const step of undo.reverse()) step();
  return height;
}

/** Scales `sheet` for print whenever the reader prints. */
export function fitOnePage(sheet: HTMLElement, margin: { vertical: number; horizontal: number }): void {
  addEventListener('beforeprint', () => {
    sheet.style.removeProperty('--print-zoom');
    const box = printableBox(margin);
    const scale = fitScale(printHeight(box.width), box.height);
    sheet.style.setProperty('--print-zoom', String(scale));
    sheet.dataset.printZoom = String(scale);
  });
}
