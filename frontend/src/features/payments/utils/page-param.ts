/** `?page=` as a whole number of at least 1. */
export function pageFrom(search: URLSearchParams): number {
  const page = Number(search.get('page'))
  return Number.isInteger(page) && page > 1 ? page : 1
}
