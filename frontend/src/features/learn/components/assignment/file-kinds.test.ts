import { describe, expect, it } from 'vitest'

import { buildSubmission, daysFromNow } from '@/testing/assignments-factories'

import { handInState } from './deadline'
import { acceptFor, allowedKinds, nameFits, uploadKindFor } from './file-kinds'

describe('the kind an upload declares', () => {
  it('is the only allowed kind when there is one', () => {
    expect(uploadKindFor('photo.png', ['pdf'])).toBe('pdf')
  })

  it('is the allowed kind the file name fits', () => {
    expect(uploadKindFor('scan.JPG', ['pdf', 'image'])).toBe('image')
    expect(uploadKindFor('report.pdf', ['pdf', 'image'])).toBe('pdf')
    expect(uploadKindFor('project.tar.gz', ['document', 'archive'])).toBe('archive')
    expect(uploadKindFor('essay.docx', ['slides', 'document'])).toBe('document')
  })

  it('prefers the kind that also takes scripts for source files, and takes extensionless text', () => {
    expect(uploadKindFor('main.py', ['document', 'code'])).toBe('code')
    expect(uploadKindFor('Makefile', ['image', 'text'])).toBe('text')
  })

  it('falls back to the first allowed kind, for the server to explain', () => {
    expect(uploadKindFor('song.mp3', ['pdf', 'image'])).toBe('pdf')
    expect(nameFits('song.mp3', ['pdf', 'image'])).toBe(false)
    expect(nameFits('song.mp3', allowedKinds({ allowed_file_kinds: [] }))).toBe(true)
  })

  it('suggests files by extension unless text without an extension is allowed', () => {
    expect(acceptFor(['pdf', 'image'])).toBe('.pdf,.png,.jpg,.jpeg,.webp,.gif')
    expect(acceptFor(['pdf', 'code'])).toBeUndefined()
  })
})

describe('whether hand-in is open', () => {
  const submission = buildSubmission()

  it('stays open until the deadline, also for a second hand-in', () => {
    const assignment = { due_at: daysFromNow(1), late_policy: 'reject' as const }
    expect(handInState(assignment, submission, Date.now())).toEqual({ open: true, late: false })
    expect(handInState({ due_at: null, late_policy: 'reject' }, submission, Date.now())).toEqual({
      open: true,
      late: false,
    })
  })

  it('after the deadline takes only a first, late hand-in, unless late work is refused', () => {
    const now = Date.now()
    expect(handInState({ due_at: daysFromNow(-1), late_policy: 'accept' }, null, now)).toEqual({ open: true, late: true })
    expect(handInState({ due_at: daysFromNow(-1), late_policy: 'penalty' }, submission, now)).toEqual({
      open: false,
      reason: 'locked',
    })
    expect(handInState({ due_at: daysFromNow(-1), late_policy: 'reject' }, null, now)).toEqual({
      open: false,
      reason: 'rejected',
    })
  })
})
