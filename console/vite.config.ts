/// <reference types="vitest/config" />
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
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

/** The one address a vendored file would still fetch from the internet, and what it is pointed at instead: ReDoc's
 * sidebar footer ("API docs by Redocly") shows a logo from its CDN, with no option to turn it off; offline it must
 * come from this service. A new version of the package that no longer has the address fails the build, so that
 * nothing is silently left behind. */
const OFFLINE: ReadonlyArray<[string, string, string]> = [
  ['vendor/redoc/redoc.standalone.js', 'https://cdn.redoc.ly/redoc/logo-mini.svg', '/console/favicon.svg'],
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
      for (const [file, online, local] of OFFLINE) {
        const target = resolve(outDir, file);
        const text = await readFile(target, 'utf8');
        if (!text.includes(online)) throw new Error(`${file} no longer contains ${online}: check what it loads now`);
        await writeFile(target, text.split(online).join(local));
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
