import type { Assignment } from '@/api/types'
import { SUBMISSION_FILE_KINDS } from '@/lib/submission-kinds'
import type { UploadKind } from '@/lib/uploads/upload-api'

/**
 * Which files an assignment takes, and which kind to declare when uploading one. The server checks
 * every file for real (its contents, not its name); these tables only mirror its list of kinds
 * (`ustad/core/files/kinds.py`) so that each upload declares a kind the file can pass, and so the
 * file picker can suggest the right files.
 */
export const SUBMISSION_KINDS = SUBMISSION_FILE_KINDS satisfies readonly UploadKind[]

export type SubmissionKind = (typeof SUBMISSION_KINDS)[number]

const TEXT = [
  '.txt', '.md', '.markdown', '.rst', '.csv', '.tsv', '.json', '.jsonl', '.yaml', '.yml', '.toml', '.ini',
  '.cfg', '.conf', '.log', '.xml', '.html', '.htm', '.css', '.scss', '.js', '.mjs', '.cjs', '.jsx', '.ts',
  '.tsx', '.vue', '.svelte', '.py', '.ipynb', '.r', '.rb', '.php', '.pl', '.java', '.kt', '.kts', '.scala',
  '.go', '.rs', '.c', '.h', '.cc', '.cpp', '.cxx', '.hpp', '.cs', '.swift', '.m', '.mm', '.dart', '.lua',
  '.hs', '.ex', '.exs', '.erl', '.clj', '.jl', '.ml', '.fs', '.f90', '.asm', '.s', '.sh', '.bash', '.zsh',
  '.ps1', '.bat', '.sql', '.tex', '.bib', '.srt', '.vtt', '.gradle', '.properties',
]

/** Single kinds and the names they go by. `text` and `code` also take files without an extension. */
const EXTENSIONS: Record<string, readonly string[]> = {
  pdf: ['.pdf'],
  pptx: ['.pptx'],
  docx: ['.docx'],
  xlsx: ['.xlsx'],
  odp: ['.odp'],
  odt: ['.odt'],
  ods: ['.ods'],
  zip: ['.zip'],
  'tar.gz': ['.tar.gz', '.tgz'],
  gzip: ['.gz'],
  tar: ['.tar'],
  '7z': ['.7z'],
  'video/mp4': ['.mp4', '.m4v'],
  'video/quicktime': ['.mov', '.qt'],
  'video/webm': ['.webm'],
  'video/x-matroska': ['.mkv'],
  'audio/mp4': ['.m4a', '.m4b', '.mp4'],
  'audio/webm': ['.weba', '.webm'],
  'audio/mpeg': ['.mp3'],
  'audio/wav': ['.wav'],
  'audio/ogg': ['.ogg', '.oga', '.opus'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/webp': ['.webp'],
  'image/gif': ['.gif'],
  text: TEXT,
  code: TEXT,
}

const ARCHIVES = ['zip', 'tar.gz', 'gzip', 'tar', '7z']
const OFFICE = ['pptx', 'docx', 'xlsx', 'odp', 'odt', 'ods']

/** Each kind an assignment may allow, as the single kinds it stands for. */
const GROUPS: Record<SubmissionKind, readonly string[]> = {
  pdf: ['pdf'],
  document: ['pdf', ...OFFICE, 'text'],
  slides: ['pdf', 'pptx', 'odp'],
  image: ['image/png', 'image/jpeg', 'image/webp', 'image/gif'],
  code: ['text', 'code', ...ARCHIVES],
  archive: ARCHIVES,
  text: ['text'],
  video: ['video/mp4', 'video/quicktime', 'video/webm', 'video/x-matroska'],
  audio: ['audio/mpeg', 'audio/mp4', 'audio/wav', 'audio/ogg', 'audio/webm'],
}

function isSubmissionKind(value: string): value is SubmissionKind {
  return (SUBMISSION_KINDS as readonly string[]).includes(value)
}

/** The kinds this assignment takes; none listed means any of them (as on the server). */
export function allowedKinds(assignment: Pick<Assignment, 'allowed_file_kinds'>): SubmissionKind[] {
  const listed = assignment.allowed_file_kinds.filter(isSubmissionKind)
  return listed.length > 0 ? listed : [...SUBMISSION_KINDS]
}

/** The single kinds whose names `fileName` matches ("notes.py" → text and code). */
function singleKindsNamed(fileName: string): Set<string> {
  const name = fileName.toLowerCase().split(/[\\/]/).pop() ?? ''
  const hasExtension = /\.[^.]+$/.test(name.slice(1))
  const matches = new Set<string>()
  for (const [kind, extensions] of Object.entries(EXTENSIONS)) {
    const named = extensions.some((extension) => name.endsWith(extension) && name.length > extension.length)
    if (named || ((kind === 'text' || kind === 'code') && !hasExtension)) matches.add(kind)
  }
  return matches
}

/**
 * The kind to declare when uploading `fileName` for an assignment that takes `allowed`. The server
 * checks the finished upload against the declared kind and, on hand-in, against the assignment's
 * kinds, so the declared kind must be one of `allowed` and must cover what the file really is: of
 * the allowed kinds its name fits, the one covering the most possibilities wins (a `.py` file goes
 * up as `code`, which also takes scripts, rather than `document`). A file that fits none goes up as
 * the first allowed kind, and the server explains why it is refused.
 */
export function uploadKindFor(fileName: string, allowed: readonly SubmissionKind[]): SubmissionKind {
  const first = allowed[0] ?? 'document'
  if (allowed.length <= 1) return first
  const named = singleKindsNamed(fileName)
  let best: SubmissionKind | null = null
  let bestCover = 0
  for (const kind of allowed) {
    const cover = GROUPS[kind].filter((single) => named.has(single)).length
    if (cover > bestCover) {
      best = kind
      bestCover = cover
    }
  }
  return best ?? first
}

/** Whether the file's name fits any of the allowed kinds (the server still checks its contents). */
export function nameFits(fileName: string, allowed: readonly SubmissionKind[]): boolean {
  const named = singleKindsNamed(fileName)
  return allowed.some((kind) => GROUPS[kind].some((single) => named.has(single)))
}

/**
 * The file picker's `accept` list. Text and code may come without an extension (README, Makefile),
 * which `accept` cannot express, so then every file is offered.
 */
export function acceptFor(allowed: readonly SubmissionKind[]): string | undefined {
  if (allowed.includes('text') || allowed.includes('code')) return undefined
  const extensions = new Set(allowed.flatMap((kind) => GROUPS[kind].flatMap((single) => EXTENSIONS[single] ?? [])))
  return [...extensions].join(',')
}
