import type { ResourceKind } from '@/api/types'

export const RESOURCE_KINDS: readonly ResourceKind[] = ['slides', 'document', 'code', 'video']

export const RESOURCE_ACCEPT =
  '.pdf,.pptx,.odp,.docx,.odt,.txt,.md,.zip,.gz,.tgz,.7z,.mp4,.webm,application/pdf,video/mp4,video/webm'

/** A sensible kind for a file from its name (the tutor can override it). */
export function guessResourceKind(file: Pick<File, 'name' | 'type'>): ResourceKind {
  const name = file.name.toLowerCase()
  if (file.type.startsWith('video/') || /\.(mp4|webm)$/.test(name)) return 'video'
  if (/\.(pptx?|odp|key)$/.test(name)) return 'slides'
  if (/\.(zip|7z|tar\.gz|tgz|gz|py|js|ts|java|c|cpp|ipynb)$/.test(name)) return 'code'
  return 'document'
}

/** "Week 1 slides.pdf" → "Week 1 slides". */
export function titleFromFileName(name: string): string {
  const base = name.replace(/\.(tar\.gz|[^.]+)$/i, '')
  return (base || name).slice(0, 160)
}
