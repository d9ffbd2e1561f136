/** Where the built app serves Excalidraw's fonts (copied there by the build; see `vite.config.ts`). */
export const EXCALIDRAW_ASSET_PATH = '/excalidraw/'

declare global {
  interface Window {
    EXCALIDRAW_ASSET_PATH?: string | string[]
  }
}

/**
 * Points Excalidraw at the fonts this site serves itself, so the board works without reaching a CDN. Must
 * run before Excalidraw's module loads.
 */
export function setExcalidrawAssetPath(): void {
  window.EXCALIDRAW_ASSET_PATH = EXCALIDRAW_ASSET_PATH
}
