import { createRequire } from 'node:module';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

const require = createRequire(import.meta.url);

export default defineConfig({
  root: 'client',
  publicDir: 'public',
  plugins: [preact()],
  resolve: {
    // simple-peer expects Node globals; its prebuilt browser bundle does not (see ENVIRONMENT.md).
    alias: [{ find: /^simple-peer$/, replacement: require.resolve('simple-peer/simplepeer.min.js') }],
  },
  build: { outDir: '../dist/client', emptyOutDir: true, sourcemap: true, manifest: true },
  server: {
    proxy: { '/socket.io': { target: 'http://localhost:3000', ws: true }, '/api': 'http://localhost:3000' },
  },
});
