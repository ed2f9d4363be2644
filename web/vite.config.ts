import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // The budget that matters is the first page's, stated in the README; ECharts is split off on purpose.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `npm run web:dev` beside `accord serve`: the API stays on its own port.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
