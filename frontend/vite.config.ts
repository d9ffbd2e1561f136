/// <reference types="vitest/config" />
import { createReadStream, statSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join, normalize, relative, sep } from 'node:path'
import { fileURLToPath, URL } from 'node:url'

import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

const backend = process.env.USTAD_BACKEND_URL ?? 'http://127.0.0.1:8000'

/** Excalidraw's last resort for fonts, a CDN (its fonts are tried from `EXCALIDRAW_ASSET_PATH` first). */
const EXCALIDRAW_CDN_FALLBACK = /(["']ASSETS_FALLBACK_URL["'],\s*)`https:\/\/esm\.sh\/[^\n]*?\/dist\/prod\/`/

/**
 * Excalidraw's fonts, served by the site itself at `/excalidraw/fonts/` so the whiteboard needs no CDN
 * (the whiteboard sets `window.EXCALIDRAW_ASSET_PATH` to `/excalidraw/`): copied into the build, and
 * served from the package in development. The CDN fallback becomes the same local folder: the browser
 * checks every font source against the content security policy up front, and would report the CDN's.
 */
function excalidrawFonts(): Plugin {
  const fontsDir = join(dirname(createRequire(import.meta.url).resolve('@excalidraw/excalidraw')), 'fonts')
  const prefix = '/excalidraw/fonts/'
  return {
    name: 'ustad-excalidraw-fonts',
    transform(code, id) {
      if (!id.includes('@excalidraw/excalidraw/dist/') || !code.includes('ASSETS_FALLBACK_URL')) return null
      if (!EXCALIDRAW_CDN_FALLBACK.test(code)) {
        this.warn('Excalidraw no longer names its font CDN as expected: its fonts may be fetched from the internet.')
        return null
      }
      return { code: code.replace(EXCALIDRAW_CDN_FALLBACK, '$1`${window.location.origin}/excalidraw/`'), map: null }
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = request.url?.split('?')[0] ?? ''
        if (!path.startsWith(prefix)) return next()
        let file = ''
        try {
          file = normalize(join(fontsDir, decodeURIComponent(path.slice(prefix.length))))
          if (!file.startsWith(fontsDir + sep) || !statSync(file).isFile()) file = ''
        } catch {
          file = ''
        }
        if (!file) return next()
        response.setHeader('Content-Type', 'font/woff2')
        response.setHeader('Cache-Control', 'public, max-age=31536000, immutable')
        createReadStream(file).pipe(response)
      })
    },
    async generateBundle() {
      for (const entry of await readdir(fontsDir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile()) continue
        const file = join(entry.parentPath, entry.name)
        this.emitFile({
          type: 'asset',
          fileName: `excalidraw/fonts/${relative(fontsDir, file).split(sep).join('/')}`,
          source: await readFile(file),
        })
      }
    },
  }
}

export default defineConfig({
  plugins: [react(), tailwindcss(), excalidrawFonts()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
    },
  },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/media': { target: backend, changeOrigin: false },
      '/ws': { target: backend, ws: true, changeOrigin: false },
      // Referral links (a regular expression, so web-app routes such as /reviews are not caught)
      '^/r/': { target: backend, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
  },
  test: {
    restoreMocks: true,
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'app',
          environment: 'jsdom',
          setupFiles: ['./src/testing/setup-tests.ts'],
          include: ['src/**/*.test.{ts,tsx}'],
          css: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'tooling',
          environment: 'node',
          include: ['scripts/**/*.test.ts'],
        },
      },
    ],
  },
})
