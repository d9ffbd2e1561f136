import type { Certificate } from '@/api/types'

/** The public page where anyone can check a certificate. */
export function verifyPath(code: string): string {
  return `/certificates/${encodeURIComponent(code)}`
}

/** The PDF is public like the verification page, so a plain link downloads it. */
export function pdfPath(code: string): string {
  return `/api/v1/certificates/${encodeURIComponent(code)}/pdf`
}

/** The absolute address printed on the PDF; built from this page's origin if the server sent none. */
export function verifyUrl(certificate: Pick<Certificate, 'code' | 'verify_url'>): string {
  return certificate.verify_url || new URL(verifyPath(certificate.code), window.location.origin).href
}

/** What people type or paste (" 3f9a 0c12 b7d4") → the code as printed ("3F9A0C12B7D4"). */
export function normaliseCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase()
}
