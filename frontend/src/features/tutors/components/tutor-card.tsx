import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

import type { TutorPublic } from '@/api/types'
import { Avatar } from '@/components/ui/avatar'
import { Skeleton } from '@/components/ui/skeleton'

import { SubjectTags } from './subject-tags'
import { TutorRate } from './tutor-rate'

/** One tutor in the directory. The whole card is a link to the profile (via its name). */
export function TutorCard({ tutor }: { tutor: TutorPublic }) {
  const { t } = useTranslation()
  return (
    <article className="relative flex h-full flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm transition-shadow focus-within:ring-2 focus-within:ring-brand-600 hover:shadow-md">
      <div className="flex items-center gap-4">
        <Avatar src={tutor.avatar_url} name={tutor.full_name} size="md" />
        <div className="min-w-0">
          <h2 className="truncate text-lg font-semibold text-slate-900">
            <Link
              to={`/tutors/${tutor.id}`}
              className="after:absolute after:inset-0 hover:underline focus-visible:outline-none"
            >
              {tutor.full_name}
            </Link>
          </h2>
          {tutor.headline && <p className="line-clamp-2 text-slate-700">{tutor.headline}</p>}
        </div>
      </div>
      <SubjectTags subjects={tutor.subjects} label={t('tutors.subjects')} />
      <div className="mt-auto flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 pt-3 text-sm">
        <TutorRate hourlyRate={tutor.hourly_rate} currency={tutor.currency} />
        {tutor.experience_years > 0 && (
          <span className="text-slate-700">{t('tutors.years', { count: tutor.experience_years })}</span>
        )}
      </div>
    </article>
  )
}

export function TutorCardSkeleton() {
  return (
    <div aria-hidden="true" className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5">
      <div className="flex items-center gap-4">
        <Skeleton className="size-16 rounded-full" />
        <div className="flex-1 space-y-2">
          <Skeleton className="h-5 w-2/3" />
          <Skeleton className="h-4 w-full" />
        </div>
      </div>
      <Skeleton className="h-6 w-1/2" />
      <Skeleton className="h-5 w-1/3" />
    </div>
  )
}
