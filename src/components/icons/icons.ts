/**
 * The site's icons, drawn once in an SVG sprite (src/pages/icons/sprite.svg.ts, built to
 * icons/sprite.svg) and referenced by every page with <use href>, so an icon costs one short tag
 * per use instead of its whole drawing (Icon.astro). All are 24×24 strokes in the text color.
 */
export const ICON_PATHS = {
  menu: 'M4 6h16M4 12h16M4 18h16',
  search: 'M11 4a7 7 0 1 1 0 14 7 7 0 0 1 0-14zm9 16-4.35-4.35',
  sun: 'M12 4V2m0 20v-2m8-8h2M2 12h2m13.66-5.66 1.41-1.41M4.93 19.07l1.41-1.41m0-11.32L4.93 4.93m14.14 14.14-1.41-1.41M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z',
  moon: 'M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z',
  check: 'M5 12.5l4.5 4.5L19 7.5',
  cross: 'M6 6l12 12M18 6 6 18',
  info: 'M12 8h.01M11 12h1v5h1M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z',
  bulb: 'M9 18h6m-5 3h4M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0 0 12 3z',
  alert: 'M12 9v4m0 4h.01M10.3 3.9 2.2 18a2 2 0 0 0 1.7 3h16.2a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z',
  edit: 'M4 20h4L19 9l-4-4L4 16v4zm9-13 4 4',
  flag: 'M5 21V4m0 0h11l-2 4 2 4H5',
  arrowLeft: 'M15 6l-6 6 6 6',
  arrowRight: 'M9 6l6 6-6 6',
} as const;

export type IconName = keyof typeof ICON_PATHS;

/** Where the sprite is served, under the site's base path. */
export const SPRITE_PATH = 'icons/sprite.svg';

/** The sprite file: one <symbol> per icon, its id the icon's name. */
export function iconSprite(): string {
  const symbols = Object.entries(ICON_PATHS).map(
    ([name, d]) =>
      `<symbol id="${name}" viewBox="0 0 24 24"><path d="${d}" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></symbol>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg">${symbols.join('')}</svg>\n`;
}
