import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiServer = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: apiServer, changeOrigin: false },
      '/portal': { target: apiServer, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The antd chunk (with its rc-component parts) is ~1 MB minified, ~330 kB gzip, even tree-shaken; it is cached
    // apart from the app code, which changes far more often.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // Split the big, rarely changing libraries out so an app release does not invalidate them in browser caches.
        // React goes first: a group also takes its members' dependencies, so antd would otherwise swallow react-dom.
        codeSplitting: {
          groups: [
            {
              name: 'antd',
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@emotion)[\\/]/,
              priority: 2,
            },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 3 },
            // ECharts only for the dashboard's charts, loaded with them (pages/home/EChart.tsx), not at start.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 4 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
});
