import { toMinorUnits } from '@/lib/format'

import type { CourseFilters } from '../api/get-courses'

export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const
export const COURSE_LANGUAGES = ['en', 'ur'] as const
export const PRICE_KINDS = ['free', 'paid'] as const
export const RATINGS = ['4.5', '4', '3.5', '3'] as const
export const SORTS = ['relevance', 'newest', 'rating', 'popular', 'price_asc', 'price_desc'] as const
export type Sort = (typeof SORTS)[number]

/** Every filter as it appears in the page's URL (prices in major units, as people type them). */
export interface CatalogueParams {
  search: string
  category: string
  level: (typeof LEVELS)[number] | ''
  language: (typeof COURSE_LANGUAGES)[number] | ''
  price: (typeof PRICE_KINDS)[number] | ''
  priceMin: string
  priceMax: string
  rating: (typeof RATINGS)[number] | ''
  sort: Sort | ''
  page: number
}

/** URL parameter for each field (the API's names, so links are easy to read and share). */
export const PARAM_NAMES: Record<Exclude<keyof CatalogueParams, 'page'>, string> = {
  search: 'search',
  category: 'category',
  level: 'level',
  language: 'language',
  price: 'price',
  priceMin: 'price_min',
  priceMax: 'price_max',
  rating: 'rating_min',
  sort: 'sort',
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | '' {
  return allowed.find((item) => item === value) ?? ''
}

export function readCatalogueParams(params: URLSearchParams): CatalogueParams {
  const page = Number.parseInt(params.get('page') ?? '1', 10)
  return {
    search: params.get('search') ?? '',
    category: params.get('category') ?? '',
    level: oneOf(params.get('level'), LEVELS),
    language: oneOf(params.get('language'), COURSE_LANGUAGES),
    price: oneOf(params.get('price'), PRICE_KINDS),
    priceMin: params.get('price_min') ?? '',
    priceMax: params.get('price_max') ?? '',
    rating: oneOf(params.get('rating_min'), RATINGS),
    sort: oneOf(params.get('sort'), SORTS),
    page: Number.isFinite(page) && page > 0 ? page : 1,
  }
}

/** The sort the server applies when none is chosen: relevance for a search, newest otherwise. */
export function effectiveSort(params: Pick<CatalogueParams, 'search' | 'sort'>): Sort {
  if (params.sort === 'relevance' && !params.search) return 'newest'
  return params.sort || (params.search ? 'relevance' : 'newest')
}

function minor(value: string): number | null {
  const amount = toMinorUnits(value)
  return amount === 'invalid' ? null : amount
}

export function toCourseFilters(params: CatalogueParams): CourseFilters {
  return {
    search: params.search,
    category: params.category,
    level: params.level,
    language: params.language,
    price: params.price,
    price_min: params.price === 'free' ? null : minor(params.priceMin),
    price_max: params.price === 'free' ? null : minor(params.priceMax),
    rating_min: params.rating ? Number(params.rating) : null,
    sort: params.sort === 'relevance' && !params.search ? '' : params.sort,
    page: params.page,
  }
}

export function hasFilters(params: CatalogueParams): boolean {
  return Boolean(
    params.search ||
      params.category ||
      params.level ||
      params.language ||
      params.price ||
      params.priceMin ||
      params.priceMax ||
      params.rating,
  )
}
