import { toMinorUnits } from '@/lib/format'

/** The largest amount anyone types here, in major units: the server's ceiling (a hundred million). */
export const MAX_MAJOR_AMOUNT = 100_000_000

export type AmountProblem = 'required' | 'invalid' | 'positive' | 'tooLarge'

const DIGIT_ZEROS = [0x0660, 0x06f0] // Arabic-Indic and Extended Arabic-Indic (Urdu) zeros

/** Urdu (and Arabic) digits and decimal separator typed on a phone keyboard → ASCII. */
export function asciiDigits(input: string): string {
  return Array.from(input)
    .map((char) => {
      const code = char.codePointAt(0) ?? 0
      for (const zero of DIGIT_ZEROS) {
        if (code >= zero && code <= zero + 9) return String(code - zero)
      }
      if (char === '٫') return '.'
      if (char === '٬' || char === '،') return ','
      return char
    })
    .join('')
}

/**
 * Major units as typed ("2,500.50", "۲۵۰۰٫۵") → exact minor units (250050), or why not. At most two decimals;
 * under the ceiling, `toMinorUnits`' rounding of the binary product lands on the exact integer.
 */
export function parseAmount(input: string): { amount: number } | { problem: AmountProblem } {
  const minor = toMinorUnits(asciiDigits(input.trim()))
  if (minor === null) return { problem: 'required' }
  if (minor === 'invalid') return { problem: 'invalid' }
  if (minor <= 0) return { problem: 'positive' }
  if (minor > MAX_MAJOR_AMOUNT * 100 || !Number.isSafeInteger(minor)) return { problem: 'tooLarge' }
  return { amount: minor }
}
