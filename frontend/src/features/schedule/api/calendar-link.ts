import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

import { scheduleKeys } from './keys'
import type { CalendarLink } from './types'

/** `GET /me/calendar`: the caller's private calendar address, made on first use. */
export function getCalendarLink(signal?: AbortSignal): Promise<CalendarLink> {
  return unwrap(apiClient.GET('/api/v1/me/calendar', { signal }))
}

/** `POST /me/calendar/rotate`: a new address; the old one answers 404 from now on. */
export function rotateCalendarLink(): Promise<CalendarLink> {
  return unwrap(apiClient.POST('/api/v1/me/calendar/rotate'))
}

export function useCalendarLink() {
  return useQuery({ queryKey: scheduleKeys.calendarLink, queryFn: ({ signal }) => getCalendarLink(signal) })
}

export function useRotateCalendarLink() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: rotateCalendarLink,
    onSuccess: (link) => queryClient.setQueryData(scheduleKeys.calendarLink, link),
  })
}
