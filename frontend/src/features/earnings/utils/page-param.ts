/** `?page=` as a whole number from 1 (anything else reads as 1). */
export function pageParam(params: URLSearchParams): number {
  const page = Number(params.get('page'))
  return Number.isInteger(page) && page > 1 ? page : 1
}

/** `base` with `params` (the empty ones left out) as its query string. */
export function withQuery(base: string, params: Record<string, string | number>): string {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== '' && !(key === 'page' && value === 1)) query.set(key, String(value))
  }
  const text = query.toString()
  return text ? `${base}?${text}` : base
}
