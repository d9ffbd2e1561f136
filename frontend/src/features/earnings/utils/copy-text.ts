/**
 * Copies `text`: the async clipboard where the browser allows it (secure pages), else the old
 * select-and-copy on `field` (which also leaves the text selected for copying by hand if that fails).
 */
export async function copyText(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    if (typeof navigator.clipboard?.writeText === 'function') {
      await navigator.clipboard.writeText(text)
      return true
    }
  } catch {
    // Refused (no permission, page not focused): try the fallback.
  }
  if (!field) return false
  field.focus()
  field.select()
  try {
    return typeof document.execCommand === 'function' && document.execCommand('copy')
  } catch {
    return false
  }
}
