import { useTranslation } from 'react-i18next'

import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'

import { useAdmittedRoom } from '../../hooks/room-context'
import { useClockTime } from '../../hooks/use-clock-time'
import type { RoomQuestion } from '../../utils/protocol'

/** Who asked, as this viewer may know it: classmates never learn who asked anonymously. */
function useAuthorLabel(question: RoomQuestion, own: boolean): string {
  const { t } = useTranslation()
  const { me } = useAdmittedRoom()
  if (own) return question.anonymous ? t('classroom.qa.youAnonymous') : t('classroom.qa.you')
  if (!question.anonymous) return question.author_name ?? t('classroom.qa.anonymousAuthor')
  if (me.tutor && question.author_name) return t('classroom.qa.anonymousToClass', { name: question.author_name })
  return t('classroom.qa.anonymousAuthor')
}

/** One question: its text, who asked, upvotes, and whether it has been answered. */
export function QuestionItem({ question }: { question: RoomQuestion }) {
  const { t } = useTranslation()
  const clock = useClockTime()
  const { state, me, act } = useAdmittedRoom()
  const own = state.myQuestions.includes(question.id)
  const upvoted = state.upvoted.includes(question.id)
  const author = useAuthorLabel(question, own)

  return (
    <li className={cn('space-y-2 rounded-lg border border-slate-200 p-3', question.answered && 'bg-slate-50')}>
      <p className="break-words whitespace-pre-wrap text-slate-900">{question.body}</p>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
        <span className="font-medium text-slate-900">{author}</span>
        <time dateTime={question.at}>{clock(question.at)}</time>
        <span>{t('classroom.qa.upvotes', { count: question.upvotes })}</span>
        {question.answered && <Badge tone="brand">{t('classroom.qa.answered')}</Badge>}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {!me.tutor && (
          <Button
            size="sm"
            variant="secondary"
            disabled={own || upvoted}
            onClick={() => act({ type: 'qa.upvote', question_id: question.id })}
          >
            <span aria-hidden="true">▲</span>
            {t('classroom.qa.upvote')}
          </Button>
        )}
        {upvoted && <span className="text-sm text-slate-700">{t('classroom.qa.upvoted')}</span>}
        {me.tutor && !question.answered && (
          <Button size="sm" variant="secondary" onClick={() => act({ type: 'qa.answered', question_id: question.id })}>
            {t('classroom.qa.markAnswered')}
          </Button>
        )}
      </div>
    </li>
  )
}
