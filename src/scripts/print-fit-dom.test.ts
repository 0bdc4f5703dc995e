// @vitest-environment happy-dom
/**
 * Measuring a sheet with its print styles on a real DOM (happy-dom): while the height is read,
 * print-only rules (nested ones too) and print stylesheets apply and the page has the printable
 * width; afterwards every rule, stylesheet and width is as it was. Before printing, the sheet gets
 * the zoom that fits it on one page. Browsers lay pages out for real in tests/e2e/print.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fitOnePage, printableBox, printHeight } from './print-fit.ts';

const CSS = [
  '@media print { .a { color: red } }',
  '@media screen { .b { color: blue } }',
  '@media print, screen { .both { color: black } }',
  '@supports (display: grid) { @media print { .c { color: green } } }',
].join('\n');

function addStyle(): CSSStyleSheet {
  const style = document.createElement('style');
  style.textContent = CSS;
  document.head.append(style);
  return document.styleSheets[document.styleSheets.length - 1]!;
}

const mediaTexts = (sheet: CSSStyleSheet) => {
  const texts: string[] = [];
  const walk = (rules: CSSRuleList) => {
    for (const rule of rules) {
      if (rule instanceof CSSMediaRule) texts.push(rule.media.mediaText);
      if ('cssRules' in rule) walk((rule as CSSGroupingRule).cssRules);
    }
  };
  walk(sheet.cssRules);
  return texts;
};

/** Reports the state of the page at the moment its height is read, and returns `height`. */
function measureWith(
  height: number,
  seen: { width?: string; media?: string[]; link?: string }[],
  sheet?: CSSStyleSheet,
  link?: HTMLLinkElement,
) {
  vi.spyOn(document.body, 'scrollHeight', 'get').mockImplementation(() => {
    seen.push({ width: document.documentElement.style.width, media: sheet && mediaTexts(sheet), link: link?.media });
    return height;
  });
}

afterEach(() => {
  vi.restoreAllMocks();
  document.head.replaceChildren();
  document.documentElement.style.width = '';
});

describe('printHeight', () => {
  it('applies print-only rules and the printable width while measuring, then restores them', () => {
    const sheet = addStyle();
    document.documentElement.style.width = '50%';
    const seen: { width?: string; media?: string[] }[] = [];
    measureWith(1234, seen, sheet);
    expect(printHeight(718)).toBe(1234);
    expect(seen).toEqual([{ width: '718px', media: ['print, screen', 'screen', 'print, screen', 'print, screen'], link: undefined }]);
    expect(mediaTexts(sheet)).toEqual(['print', 'screen', 'print, screen', 'print']);
    expect(document.documentElement.style.width).toBe('50%');
  });

  it('applies a print stylesheet while measuring, skips one it may not read, and restores both', () => {
    const link = document.createElement('link');
    link.media = 'print';
    const other = document.createElement('link');
    other.media = 'print';
    const unreadable = {
      ownerNode: other,
      get cssRules(): CSSRuleList {
        throw new DOMException('Cannot read rules', 'SecurityError');
      },
    };
    const readable = { ownerNode: link, cssRules: [] as unknown as CSSRuleList };
    vi.spyOn(document, 'styleSheets', 'get').mockReturnValue([unreadable, readable] as unknown as StyleSheetList);
    const seen: { link?: string }[] = [];
    measureWith(500, seen, undefined, link);
    expect(printHeight(700)).toBe(500);
    expect(seen[0]!.link).toBe('all');
    expect(link.media).toBe('print');
    expect(other.media).toBe('print');
  });
});

describe('fitOnePage', () => {
  it('sets the zoom that fits the sheet before each print, starting afresh every time', () => {
    const sheet = document.createElement('article');
    document.body.append(sheet);
    const margin = { vertical: 9, horizontal: 10 };
    const box = printableBox(margin);
    let height = box.height * 1.1;
    vi.spyOn(document.body, 'scrollHeight', 'get').mockImplementation(() => {
      // Measured without the previous zoom.
      expect(sheet.style.getPropertyValue('--print-zoom')).toBe('');
      return height;
    });
    fitOnePage(sheet, margin);
    dispatchEvent(new Event('beforeprint'));
    expect(sheet.style.getPropertyValue('--print-zoom')).toBe('0.89');
    expect(sheet.dataset.printZoom).toBe('0.89');
    height = box.height - 1;
    dispatchEvent(new Event('beforeprint'));
    expect(sheet.style.getPropertyValue('--print-zoom')).toBe('1');
    expect(sheet.dataset.printZoom).toBe('1');
  });
});
