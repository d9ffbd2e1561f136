import { useTranslation } from 'react-i18next'

import { Badge } from '@/components/ui/badge'
import { cn } from '@/components/ui/cn'
import { EmptyState } from '@/components/ui/empty-state'

import type { RecapQuestion } from '../../api/types'
import { useClockTime } from '../../hooks/use-clock-time'
import { RecapSection } from './recap-section'

/** Who asked, as this viewer may know it: classmates never learn who asked anonymously (tutors do). */
function useAuthor(question: RecapQuestion): string {
  const { t } = useTranslation()
  if (question.mine) return question.anonymous ? t('schedule.recap.qa.youAnonymous') : t('schedule.recap.qa.you')
  if (!question.anonymous) return question.author_name ?? t('schedule.recap.qa.anonymous')
  if (question.author_name) return t('schedule.recap.qa.anonymousToClass', { name: question.author_name })
  return t('schedule.recap.qa.anonymous')
}

function QuestionItem({ question }: { question: RecapQuestion }) {
  const { t } = useTranslation()
  const clock = useClockTime()
  const author = useAuthor(question)
  return (
    <li className={cn('space-y-2 rounded-lg border border-slate-200 p-3', question.answered ? 'bg-slate-50' : 'bg-white')}>
      <p className="break-words whitespace-pre-wrap text-slate-900" dir="auto">
        {question.body}
      </p>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
        <span className="font-medium text-slate-900" dir="auto">
          {author}
        </span>
        <time dateTime={question.at}>{clock(question.at)}</time>
        <span>{t('schedule.recap.qa.upvotes', { count: question.upvotes })}</span>
        {question.upvoted && <span>{t('schedule.recap.qa.youUpvoted')}</span>}
        {question.answered ? (
          <Badge tone="brand">
            <span aria-hidden="true">✓</span>
            {t('schedule.recap.qa.answered')}
          </Badge>
        ) : (
          <Badge tone="neutral">{t('schedule.recap.qa.unanswered')}</Badge>
        )}
      </div>
    </li>
  )
}

/** The class's questions in the order they were asked, with upvotes and whether each was answered. */
export function RecapQuestions({ questions }: { questions: readonly RecapQuestion[] }) {
  const { t } = useTranslation()
  return (
    <RecapSection title={t('schedule.recap.qa.heading')}>
      {questions.length === 0 ? (
        <EmptyState title={t('schedule.recap.qa.empty')} />
      ) : (
        <ol aria-label={t('schedule.recap.qa.heading')} className="space-y-3">
          {questions.map((question) => (
            <QuestionItem key={question.id} question={question} />
          ))}
        </ol>
      )}
    </RecapSection>
  )
}
