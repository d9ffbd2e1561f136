import type { Certificate } from '@/api/types'

let certificateSeq = 0

/** A certificate as the API returns it; codes are 12 upper-case hex digits. */
export function buildCertificate(overrides: Partial<Certificate> = {}): Certificate {
  certificateSeq += 1
  const code = overrides.code ?? `A1B2C3D4${String(certificateSeq).padStart(4, '0')}`
  return {
    code,
    student_name: 'Ayesha Khan',
    course_title: 'Python from zero',
    tutor_name: 'Sara Malik',
    issued_at: '2026-03-12T09:30:00Z',
    course_slug: 'python-from-zero',
    verify_url: `https://ustad.example.pk/certificates/${code}`,
    ...overrides,
  }
}

/** A page of `results` as `GET /me/certificates` returns it. */
export function certificatePage(results: Certificate[], count = results.length) {
  return { count, next: null, previous: null, results }
}
