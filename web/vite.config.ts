import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webDir = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/web', import.meta.url));

/**
 * The back office: Preact pages built into dist/web, which the Fastify server serves at /
 * (falling back to index.html for client-side routes). JSX goes through Vite's own oxc
 * transform because @preact/preset-vite is not a dependency.
 */
export default defineConfig({
  root: webDir,
  base: '/',
  // web/public holds files served as they are: the kiosk's service worker (/quay/sw.js).
  publicDir: 'public',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // One small bundle; the reports will want code-splitting later.
    assetsInlineLimit: 0,
    // Three pages: the back office (/), the counter rating device (/quay/) and the public results
    // (/cong-khai/, no sign-in: its bundle holds none of the back office's code).
    rollupOptions: {
      input: {
        main: `${webDir}index.html`,
        kiosk: `${webDir}quay/index.html`,
        public: `${webDir}cong-khai/index.html`,
      },
    },
  },
  server: {
    // `npm run dev:web` against a server started with `hailong serve` on port 3000.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
