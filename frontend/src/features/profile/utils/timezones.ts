/** Every IANA time zone the browser knows, with `current` kept even if it is an alias. */
export function timezoneOptions(current: string): string[] {
  let zones: string[] = []
  try {
    zones = Intl.supportedValuesOf('timeZone')
  } catch {
    zones = []
  }
  const all = new Set(zones)
  if (current) all.add(current)
  if (!all.has('UTC')) all.add('UTC')
  return [...all].sort((a, b) => a.localeCompare(b))
}
