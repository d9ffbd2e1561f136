/** Digits of the scripts our people type numbers in (Urdu keyboards give Extended Arabic-Indic ones). */
const DIGIT_ZEROS = [0x0660, 0x06f0, 0x0966]

/** "۱۲" or "١٢" → "12"; other characters are kept as they are. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f]/g, (digit) => {
    const code = digit.charCodeAt(0)
    const zero = DIGIT_ZEROS.find((start) => code >= start && code <= start + 9) ?? code
    return String(code - zero)
  })
}

/** A whole number typed by a person, within `min`–`max`; null when it is not one. */
export function parseWhole(text: string, min: number, max: number): number | null {
  const cleaned = toAsciiDigits(text).trim()
  if (!/^\d{1,6}$/.test(cleaned)) return null
  const value = Number(cleaned)
  return value >= min && value <= max ? value : null
}
