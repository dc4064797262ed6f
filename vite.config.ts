import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is built once and served by the Electron protocol handler and by `npm run web`.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, chunkSizeWarningLimit: 4000 },
});
