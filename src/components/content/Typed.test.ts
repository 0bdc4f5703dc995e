/** <Typed>: a typed number with its reason renders as-is; without a reason or a number it fails loudly. */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import Typed from './Typed.astro';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

describe('<Typed>', () => {
  it('shows the number it wraps', async () => {
    const html = await container.renderToString(Typed, { props: { reason: "the seed guide's figure, quoted to show the slip" }, slots: { default: '5M QPS' } });
    expect(html).toBe('<span class="typed-number">5M QPS</span>');
  });
  it('fails without a reason, or with one too short to check', async () => {
    await expect(container.renderToString(Typed, { props: {}, slots: { default: '5M QPS' } })).rejects.toThrow('<Typed>: the "reason" prop is missing.');
    await expect(container.renderToString(Typed, { props: { reason: 'because' }, slots: { default: '5M QPS' } })).rejects.toThrow(
      /needs a reason a reader can check/,
    );
  });
  it('fails with nothing inside', async () => {
    await expect(container.renderToString(Typed, { props: { reason: 'quoted from the interviewer, on purpose' } })).rejects.toThrow(/has no number inside/);
  });
});
