import type { SubmissionFileKind } from '@/api/types'

/** The kinds of file an assignment can take, in the order forms list them (the server's SUBMISSION_FILE_KINDS). */
export const SUBMISSION_FILE_KINDS = [
  'pdf',
  'document',
  'slides',
  'image',
  'code',
  'archive',
  'text',
  'video',
  'audio',
] as const satisfies readonly SubmissionFileKind[]
