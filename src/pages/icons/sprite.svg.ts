/** The icon sprite every page's icons point at (src/components/icons/icons.ts). */
import { iconSprite } from '../../components/icons/icons.ts';

export function GET(): Response {
  return new Response(iconSprite(), { headers: { 'content-type': 'image/svg+xml' } });
}
