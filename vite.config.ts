import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is a static bundle loaded from disk by Electron (file://) or served by the web host,
// so every asset path is relative.
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../../out/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
  },
});
