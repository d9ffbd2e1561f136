import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { CourseDetail, CourseResource, ResourceKind } from '@/api/types'
import { EmptyState } from '@/components/ui/empty-state'
import { Select } from '@/components/ui/input'
import { startUploadJob, type UploadJob } from '@/lib/uploads/upload-job'

import { createResource } from '../api/create-resource'
import { useCourseCache } from '../utils/course-cache'
import { guessResourceKind, RESOURCE_ACCEPT, RESOURCE_KINDS, titleFromFileName } from '../utils/resource-kind'
import { FilePicker } from './file-picker'
import { CourseResourceList } from './course-resource-list'
import { UploadProgress } from './upload-progress'

/** Upload slides, documents, code and videos to a lesson, with a progress bar per file. */
export function ResourcesPanel({ course }: { course: CourseDetail }) {
  const { t } = useTranslation()
  const lessonSelectId = useId()
  const kindSelectId = useId()
  const cache = useCourseCache()
  const lessons = course.sections.flatMap((section) => section.lessons)
  const [lessonId, setLessonId] = useState(lessons[0]?.id ?? '')
  const [kind, setKind] = useState<ResourceKind | ''>('')
  const [jobs, setJobs] = useState<Array<UploadJob<CourseResource>>>([])
  const selected = lessons.some((lesson) => lesson.id === lessonId) ? lessonId : (lessons[0]?.id ?? '')

  if (lessons.length === 0) {
    return <EmptyState title={t('teaching.resources.noLessons')}>{t('teaching.resources.noLessonsHint')}</EmptyState>
  }

  const onFiles = (files: File[]) => {
    const target = selected
    const started = files.map((file) => {
      const resourceKind = kind || guessResourceKind(file)
      const job = startUploadJob(file, {
        kind: resourceKind,
        attach: (upload) =>
          createResource(course.slug, {
            upload_id: upload.id,
            title: titleFromFileName(file.name),
            kind: resourceKind,
            lesson_id: target,
          }),
      })
      job.promise.then(() => cache.refreshResources(course.slug, target)).catch(() => {})
      return job
    })
    setJobs((current) => [...started, ...current])
  }

  return (
    <div className="space-y-6">
      <p className="text-slate-700">{t('teaching.resources.intro')}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={lessonSelectId} className="block font-medium">
            {t('teaching.resources.lesson')}
          </label>
          <Select id={lessonSelectId} value={selected} onChange={(event) => setLessonId(event.target.value)}>
            {course.sections.map((section) => (
              <optgroup key={section.id} label={section.title}>
                {section.lessons.map((lesson) => (
                  <option key={lesson.id} value={lesson.id}>
                    {lesson.title}
                  </option>
                ))}
              </optgroup>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <label htmlFor={kindSelectId} className="block font-medium">
            {t('teaching.resources.kind')}
          </label>
          <Select
            id={kindSelectId}
            value={kind}
            onChange={(event) => setKind(RESOURCE_KINDS.find((k) => k === event.target.value) ?? '')}
          >
            <option value="">{t('teaching.resources.kindAuto')}</option>
            {RESOURCE_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`courses.resourceKind.${option}`)}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <FilePicker
        label={t('teaching.resources.choose')}
        hint={t('teaching.resources.hint')}
        accept={RESOURCE_ACCEPT}
        multiple
        onFiles={onFiles}
      />
      {jobs.length > 0 && (
        <ul aria-label={t('teaching.resources.uploads')} className="space-y-2">
          {jobs.map((job) => (
            <li key={job.id}>
              <UploadProgress job={job} onDismiss={() => setJobs((current) => current.filter((j) => j !== job))} />
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="lesson-files" className="space-y-3">
        <h3 id="lesson-files" className="text-lg font-semibold">
          {t('teaching.resources.listTitle')}
        </h3>
        <CourseResourceList course={course} />
      </section>
    </div>
  )
}
