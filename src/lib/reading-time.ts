/**
 * Reading time from an MDX or Markdown body. Code blocks, diagrams, import lines and component
 * tags are not prose, so they are left out of the word count.
 */

/** Words per minute for technical prose read closely. */
export const WORDS_PER_MINUTE = 200;

export function proseWords(body: string): number {
  const prose = body
    // Stryker disable next-line StringLiteral: the match runs from a line start to a line end, so nothing joins without the space.
    .replace(/^(```|~~~)[\s\S]*?^\1\s*$/gm, ' ') // fenced code and diagrams
    // Stryker disable next-line StringLiteral: the match runs from a line start to a line end, so nothing joins without the space.
    .replace(/^\s*(import|export)\s.*$/gm, ' ') // MDX module lines
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ') // MDX comments
    .replace(/<[^>]+>/g, ' ') // component and HTML tags (their text props are not read as prose)
    .replace(/\]\([^)]*\)/g, ' ') // link targets
    .replace(/[#>*_`|[\]()-]/g, ' ');
  return prose.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Whole minutes, at least one. */
export function readingMinutes(body: string, extraWords = 0): number {
  return Math.max(1, Math.round((proseWords(body) + extraWords) / WORDS_PER_MINUTE));
}
