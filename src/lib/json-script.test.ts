/** JSON embedded in a page's <script type="application/json">: it can never close the element or break a line in old parsers. */
import { describe, expect, it } from 'vitest';
import { jsonForScript } from './json-script.ts';

describe('jsonForScript', () => {
  it('escapes every < and the two line separators JSON allows but scripts once did not', () => {
    const value = { html: '</script><script>alert(1)</script>', lines: 'a\u2028b\u2029c' };
    const text = jsonForScript(value);
    expect(text).toBe('{"html":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>","lines":"a\\u2028b\\u2029c"}');
    expect(text).not.toMatch(/[<\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
