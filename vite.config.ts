import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is built to out/renderer and served by both shells: Electron loads it from disk,
// the web shell from 127.0.0.1. Relative base so file:// works.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod's regexes carry a /*@__PURE__*/ note Rollup cannot place; harmless.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules/zod')) return;
        warn(warning);
      },
    },
  },
});
