/// <reference types="vitest/config" />
import { cp, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const modules = resolve(here, 'node_modules');

/** The API documentation's assets, from their npm packages (never a CDN): the service's /docs and /redoc load
 * them from /console/vendor/…. */
const VENDOR: ReadonlyArray<[string, string]> = [
  ['swagger-ui-dist/swagger-ui-bundle.js', 'vendor/swagger-ui/swagger-ui-bundle.js'],
  ['swagger-ui-dist/swagger-ui.css', 'vendor/swagger-ui/swagger-ui.css'],
  ['redoc/bundles/redoc.standalone.js', 'vendor/redoc/redoc.standalone.js'],
];

function vendorAssets(): Plugin {
  let outDir = resolve(here, 'dist');
  return {
    name: 'concertation-vendor-assets',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      for (const [from, to] of VENDOR) {
        const target = resolve(outDir, to);
        await mkdir(dirname(target), { recursive: true });
        await cp(resolve(modules, from), target);
      }
    },
  };
}

const api = process.env.CONCERTATION_API ?? 'http://127.0.0.1:8001';

export default defineConfig({
  base: '/console/',
  plugins: [react(), vendorAssets()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // index.html must not inline anything (strict CSP: script-src 'self', style-src 'self').
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: {
    port: 5173,
    proxy: {
      '/v1': api,
      '/oauth': api,
      '/console/config.json': api,
      '/docs': api,
      '/redoc': api,
      '/openapi.json': api,
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    css: false,
  },
});
