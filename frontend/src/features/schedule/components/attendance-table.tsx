import { useTranslation } from 'react-i18next'

import { localeOf } from '@/lib/i18n'

import type { AttendanceRow, AttendanceStatus } from '../api/types'
import { useClassTimes } from '../hooks/use-class-times'
import { attendanceCounts } from '../utils/attendance-counts'
import { AttendanceStatusBadge } from './attendance-status-badge'

const STATUSES: readonly AttendanceStatus[] = ['present', 'late', 'absent']

/** How many were present, late and absent. */
export function AttendanceSummary({ rows }: { rows: readonly AttendanceRow[] }) {
  const { t, i18n } = useTranslation()
  const counts = attendanceCounts(rows)
  const number = new Intl.NumberFormat(localeOf(i18n.language))
  return (
    <dl className="grid grid-cols-3 gap-3 sm:max-w-lg" aria-label={t('schedule.attendance.summary')}>
      {STATUSES.map((status) => (
        <div key={status} className="rounded-lg border border-slate-200 bg-white p-3 text-center">
          <dt className="text-sm font-medium text-slate-700">{t(`schedule.attendance.status.${status}`)}</dt>
          <dd className="text-2xl font-bold text-slate-900">{number.format(counts[status])}</dd>
        </div>
      ))}
    </dl>
  )
}

/**
 * One row per student: when they first joined (viewer's zone), minutes and share present, status, and with
 * `faceSeen` the share of camera frames in which a face was seen ("—" when none came).
 */
export function AttendanceTable({
  rows,
  caption,
  faceSeen = false,
}: {
  rows: readonly AttendanceRow[]
  caption: string
  faceSeen?: boolean
}) {
  const { t, i18n } = useTranslation()
  const times = useClassTimes()
  const number = new Intl.NumberFormat(localeOf(i18n.language))
  const percent = new Intl.NumberFormat(localeOf(i18n.language), { style: 'percent', maximumFractionDigits: 0 })
  const head = 'px-3 py-2 text-start text-sm font-semibold text-slate-900'
  const cell = 'px-3 py-2 align-top'
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full min-w-[40rem] border-collapse">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={head}>{t('schedule.attendance.columns.name')}</th>
            <th scope="col" className={head}>{t('schedule.attendance.columns.email')}</th>
            <th scope="col" className={head}>{t('schedule.attendance.columns.firstJoined')}</th>
            <th scope="col" className={`${head} text-end`}>{t('schedule.attendance.columns.minutes')}</th>
            <th scope="col" className={`${head} text-end`}>{t('schedule.attendance.columns.percent')}</th>
            <th scope="col" className={head}>{t('schedule.attendance.columns.status')}</th>
            {faceSeen && (
              <th scope="col" className={`${head} text-end`}>{t('schedule.attendance.columns.faceSeen')}</th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.user_id} className="border-t border-slate-200">
              <th scope="row" className={`${cell} text-start font-medium text-slate-900`} dir="auto">
                {row.name}
              </th>
              <td className={`${cell} break-all text-slate-700`} dir="ltr">
                {row.email}
              </td>
              <td className={`${cell} text-slate-700`}>
                {row.first_joined_at ? (
                  <time dateTime={row.first_joined_at}>{times.dateTime(row.first_joined_at)}</time>
                ) : (
                  t('schedule.attendance.neverJoined')
                )}
              </td>
              <td className={`${cell} text-end tabular-nums`}>{number.format(row.minutes_present)}</td>
              <td className={`${cell} text-end tabular-nums`}>{percent.format(row.percent_present / 100)}</td>
              <td className={cell}>
                <AttendanceStatusBadge status={row.status} />
              </td>
              {faceSeen && (
                <td className={`${cell} text-end tabular-nums`}>
                  {row.face_ratio === null ? (
                    <>
                      <span aria-hidden="true">—</span>
                      <span className="sr-only">{t('schedule.attendance.noFaceChecks')}</span>
                    </>
                  ) : (
                    <>
                      {percent.format(row.face_ratio)}
                      <span className="sr-only">
                        {' '}
                        {t('schedule.attendance.faceChecks', { seen: row.face_seen, total: row.face_checks })}
                      </span>
                    </>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
