import { useTranslation } from 'react-i18next'

import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { Skeleton } from '@/components/ui/skeleton'

import { useNotes } from '../api/get-notes'
import type { PlayerControl } from '../utils/player-control'
import { NoteForm } from './note-form'
import { NoteItem } from './note-item'

/** The student's private notes on this lesson, in video order. */
export function NotesPanel({ lessonId, player }: { lessonId: string; player: PlayerControl | null }) {
  const { t } = useTranslation()
  const notes = useNotes(lessonId)
  return (
    <section aria-labelledby="notes-heading" className="space-y-4 rounded-lg border border-slate-200 bg-slate-50 p-4">
      <div>
        <h2 id="notes-heading" className="text-xl font-semibold">
          {t('learn.notes.title')}
        </h2>
        <p className="text-sm text-slate-600">{t('learn.notes.private')}</p>
      </div>
      <NoteForm lessonId={lessonId} player={player} />
      {notes.isPending ? (
        <Skeleton className="h-16" />
      ) : notes.isError ? (
        <LoadErrorAlert error={notes.error} onRetry={() => void notes.refetch()} />
      ) : notes.data.length === 0 ? (
        <p className="text-slate-700">{t('learn.notes.empty')}</p>
      ) : (
        <ul className="space-y-2">
          {notes.data.map((note) => (
            <NoteItem key={note.id} note={note} player={player} />
          ))}
        </ul>
      )}
    </section>
  )
}
