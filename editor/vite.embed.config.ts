import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The script-tag build for pages without React: one IIFE bundling React that sets `window.Countersign`
// (`Countersign.mountEditor(element, options)`), and its stylesheet, which the script adds to the page.
export default defineConfig({
  plugins: [react()],
  // Library builds leave process.env.NODE_ENV alone; React reads it to pick its production build.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  publicDir: false,
  build: {
    outDir: 'dist-embed',
    emptyOutDir: true,
    sourcemap: true,
    lib: {
      entry: 'src/embed/script-tag.ts',
      name: 'Countersign',
      formats: ['iife'],
      fileName: () => 'countersign-editor.js',
      cssFileName: 'countersign-editor',
    },
  },
});
