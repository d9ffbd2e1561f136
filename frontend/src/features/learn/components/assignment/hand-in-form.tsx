import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import type { Assignment, Submission, SubmitBody } from '@/api/types'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Choice, ChoiceGroup, Field } from '@/components/ui/field'
import { Textarea } from '@/components/ui/input'
import { splitFieldErrors } from '@/lib/errors'
import { useInvalidFocus } from '@/lib/forms'
import { notify } from '@/lib/notices'

import { useSubmitAssignment } from '../../api/submit-assignment'
import { AttachFiles } from './attach-files'
import { allowedKinds } from './file-kinds'
import { kindsText } from './kinds-text'
import { FILE_FIELDS, needsFreshUploads, submitErrorText, TEXT_FIELDS } from './submit-error'
import { finishedUploadIds, useHandInFiles } from './use-hand-in-files'

type Phase = 'idle' | 'waiting' | 'sending'

/**
 * The hand-in form: a written answer and files, each uploaded as soon as it is picked. On a
 * second hand-in the student chooses to keep the files handed in before or to replace them.
 */
export function HandInForm({
  assignment,
  submission,
  late,
  onSubmitted,
}: {
  assignment: Assignment
  submission: Submission | null
  late: boolean
  onSubmitted: () => void
}) {
  const { t, i18n } = useTranslation()
  const headingId = useId()
  const { ref, focusInvalid } = useInvalidFocus()
  const submit = useSubmitAssignment(assignment.id)
  const allowed = allowedKinds(assignment)
  const kinds = kindsText(t, i18n.language, assignment)
  const uploads = useHandInFiles(allowed)
  const earlierFiles = submission?.files.length ?? 0
  const takesFiles = assignment.max_files > 0
  const [text, setText] = useState(submission?.text ?? '')
  const [keepFiles, setKeepFiles] = useState(earlierFiles > 0)
  const [phase, setPhase] = useState<Phase>('idle')
  const [textError, setTextError] = useState<string>()
  const [filesError, setFilesError] = useState<string>()
  const [formError, setFormError] = useState<string | null>(null)
  const keeping = takesFiles && earlierFiles > 0 && keepFiles
  const busy = phase !== 'idle'

  const fail = (message: string | null, fields: { text?: string | undefined; files?: string | undefined } = {}) => {
    setFormError(message)
    setTextError(fields.text)
    setFilesError(fields.files)
    setPhase('idle')
    if (fields.text || fields.files) focusInvalid()
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    const sending = keeping || !takesFiles ? [] : uploads.files
    if (!text.trim() && sending.length === 0 && !keeping) {
      fail(null, { text: t('assignments.handIn.emptyAnswer') })
      return
    }
    fail(null)
    setPhase('waiting')
    const ids = await finishedUploadIds(sending)
    if (ids === null) {
      fail(null, { files: t('assignments.handIn.uploadsFailed') })
      return
    }
    setPhase('sending')
    const body: SubmitBody = keeping || !takesFiles ? { text } : { text, upload_ids: ids }
    try {
      await submit.mutateAsync(body)
    } catch (error) {
      if (needsFreshUploads(error)) uploads.restartAll()
      const { fieldErrors } = splitFieldErrors(error, [...TEXT_FIELDS, ...FILE_FIELDS])
      const fileMessage = FILE_FIELDS.map((field) => fieldErrors[field]).find(Boolean)
      fail(submitErrorText(t, error, kinds), { text: fieldErrors.text, files: fileMessage })
      return
    }
    notify(submission ? t('assignments.handIn.doneAgain') : t('assignments.handIn.done'))
    uploads.clear()
    setKeepFiles(true)
    setPhase('idle')
    onSubmitted()
  }

  const penalty = assignment.late_policy === 'penalty' && assignment.late_penalty_percent > 0
  return (
    <form
      ref={ref}
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      aria-labelledby={headingId}
      className="space-y-4"
    >
      <h2 id={headingId} className="text-xl font-semibold">
        {submission ? t('assignments.handIn.headingAgain') : t('assignments.handIn.heading')}
      </h2>
      {late ? (
        <Alert tone="warning">
          {penalty
            ? t('assignments.handIn.lateWarningPenalty', { percent: assignment.late_penalty_percent })
            : t('assignments.handIn.lateWarning')}
        </Alert>
      ) : (
        submission && <p className="text-slate-700">{t('assignments.handIn.againHint')}</p>
      )}
      {submission?.status === 'returned' && <Alert tone="info">{t('assignments.handIn.regradeWarning')}</Alert>}
      <Field label={t('assignments.handIn.answer')} hint={t('assignments.handIn.answerHint')} error={textError}>
        {(control) => (
          <Textarea
            {...control}
            dir="auto"
            rows={8}
            maxLength={50_000}
            value={text}
            disabled={busy}
            onChange={(event) => setText(event.target.value)}
          />
        )}
      </Field>
      {takesFiles && earlierFiles > 0 && (
        <ChoiceGroup
          legend={t('assignments.handIn.keepLegend')}
          hint={keeping ? undefined : t('assignments.handIn.replaceHint')}
        >
          <Choice
            type="radio"
            name="files-choice"
            label={t('assignments.handIn.keep', { count: earlierFiles })}
            checked={keepFiles}
            disabled={busy}
            onChange={() => setKeepFiles(true)}
          />
          <Choice
            type="radio"
            name="files-choice"
            label={t('assignments.handIn.replace')}
            checked={!keepFiles}
            disabled={busy}
            onChange={() => setKeepFiles(false)}
          />
        </ChoiceGroup>
      )}
      {takesFiles && !keeping && (
        <AttachFiles
          uploads={uploads}
          allowed={allowed}
          kindsText={kinds}
          maxFiles={assignment.max_files}
          error={filesError}
          disabled={busy}
        />
      )}
      {keeping && filesError && <Alert tone="error">{filesError}</Alert>}
      {formError && <Alert tone="error">{formError}</Alert>}
      <Button
        type="submit"
        loading={busy}
        loadingText={phase === 'waiting' ? t('assignments.handIn.waiting') : t('assignments.handIn.submitting')}
      >
        {submission ? t('assignments.handIn.submitAgain') : t('assignments.handIn.submit')}
      </Button>
    </form>
  )
}
