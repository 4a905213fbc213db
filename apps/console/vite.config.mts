import optimizeLocales from '@react-aria/optimize-locales-plugin';
import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig } from 'vite';

/**
 * The console is served by the gateway at /console (static files): hashed assets under
 * /console/assets are cached for a year, index.html never. Nothing is inlined into the page, so
 * the gateway's Content-Security-Policy forbids inline scripts and styles; the one `<style>` React
 * Aria injects (usePress) carries the nonce it reads from `<meta property="csp-nonce">`, which the
 * gateway fills in per answer in place of CSP_NONCE_PLACEHOLDER.
 */
const CSP_NONCE_PLACEHOLDER = '__LEADGATE_CSP_NONCE__';

export default defineConfig({
  root: import.meta.dirname,
  base: '/console/',
  html: { cspNonce: CSP_NONCE_PLACEHOLDER },
  plugins: [
    react(),
    // React Aria ships its strings in ~34 languages; the console speaks English (en-US) only.
    { ...optimizeLocales.vite({ locales: ['en-US'] }), enforce: 'pre' },
  ],
  resolve: {
    alias: {
      '@console': path.join(import.meta.dirname, 'src'),
      // Pure libraries shared with the services, compiled into the bundle.
      '@leadgate/auth-core/scopes': path.join(import.meta.dirname, '../../libs/auth-core/src/scopes/index.ts'),
      // Field access (API.md §13): which field types can be masked, a token's level per field.
      '@leadgate/field-access': path.join(import.meta.dirname, '../../libs/field-access/src'),
    },
  },
  build: {
    outDir: path.join(import.meta.dirname, '../../dist/console'),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
  server: { proxy: { '/v1': 'http://127.0.0.1:8080', '/docs': 'http://127.0.0.1:8080' } },
});
