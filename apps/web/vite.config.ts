import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// In development the API runs separately (`npm run kern -- serve`); production serves dist from the same origin.
const apiTarget = process.env.KERN_API_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Two entries of one app: the staff app (index.html) and the citizen portal (portaal.html, served at /portaal/).
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        portaal: fileURLToPath(new URL('portaal.html', import.meta.url)),
      },
    },
  },
  server: { proxy: { '/api': { target: apiTarget, changeOrigin: false } } },
});
