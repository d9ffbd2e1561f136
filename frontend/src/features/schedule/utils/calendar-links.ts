/** Google Calendar subscribes to a feed passed as `cid` (the webcal address). */
export function googleCalendarUrl(webcalUrl: string): string {
  return `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcalUrl)}`
}
