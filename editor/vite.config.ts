import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The runtime serves editor/dist at `/`; in `vite dev` the API and socket.io go to a runtime on
// COUNTERSIGN_RUNTIME_URL (default http://localhost:3000).
const runtimeUrl = process.env.COUNTERSIGN_RUNTIME_URL ?? 'http://localhost:3000';

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: {
      '/api': runtimeUrl,
      '/socket.io': { target: runtimeUrl, ws: true },
    },
  },
});
