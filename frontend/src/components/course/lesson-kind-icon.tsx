import type { LessonKind } from '@/api/types'
import {
  ArticleIcon,
  AssignmentIcon,
  DownloadIcon,
  LiveIcon,
  PlayIcon,
  QuizIcon,
} from '@/components/ui/icons'

const icons = {
  video: PlayIcon,
  article: ArticleIcon,
  resources: DownloadIcon,
  quiz: QuizIcon,
  assignment: AssignmentIcon,
  live: LiveIcon,
} satisfies Record<LessonKind, unknown>

/** A decorative icon for a lesson's kind; say the kind in text (`courses.kind.*`) next to it. */
export function LessonKindIcon({ kind, className }: { kind: LessonKind; className?: string }) {
  const Icon = icons[kind]
  return <Icon className={className} />
}
