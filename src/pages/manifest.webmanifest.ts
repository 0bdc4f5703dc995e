/** The web app manifest, so the guide can be installed; paths follow the deployment base. */
import type { APIRoute } from 'astro';
import { SITE } from '../site.config.ts';
import { siteBase } from '../lib/base.ts';
import { withBase } from '../lib/routes.ts';

export const GET: APIRoute = () => {
  const base = siteBase();
  const manifest = {
    name: SITE.name,
    short_name: 'Loop Guide',
    description: SITE.tagline,
    start_url: base,
    scope: base,
    display: 'standalone',
    background_color: '#111318',
    theme_color: '#111318',
    icons: [
      { src: withBase(base, '/icons/icon-192.png'), sizes: '192x192', type: 'image/png' },
      { src: withBase(base, '/icons/icon-512.png'), sizes: '512x512', type: 'image/png' },
      { src: withBase(base, '/favicon.svg'), sizes: 'any', type: 'image/svg+xml' },
    ],
  };
  return new Response(JSON.stringify(manifest, null, 2), { headers: { 'content-type': 'application/manifest+json' } });
};
