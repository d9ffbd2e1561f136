/**
 * The back end answers every 4xx/5xx with
 * `{"error": {"code", "message", "fields"}}`; `ApiError` carries that envelope
 * (plus the status and any `Retry-After`) so the UI can switch on `code`.
 */
export type FieldErrors = Record<string, string[]>

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly fields: FieldErrors
  readonly retryAfter: number | null

  constructor(options: {
    status: number
    code: string
    message: string
    fields?: FieldErrors
    retryAfter?: number | null
  }) {
    super(options.message)
    this.name = 'ApiError'
    this.status = options.status
    this.code = options.code
    this.fields = options.fields ?? {}
    this.retryAfter = options.retryAfter ?? null
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function readFields(value: unknown): FieldErrors {
  if (!isRecord(value)) return {}
  const fields: FieldErrors = {}
  for (const [key, messages] of Object.entries(value)) {
    if (Array.isArray(messages)) {
      fields[key] = messages.map(String)
    } else if (typeof messages === 'string') {
      fields[key] = [messages]
    }
  }
  return fields
}

export function parseRetryAfter(header: string | null): number | null {
  if (!header) return null
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds))
  const date = Date.parse(header)
  if (Number.isNaN(date)) return null
  return Math.max(0, Math.ceil((date - Date.now()) / 1000))
}

function defaultCode(status: number): string {
  if (status === 401) return 'not_authenticated'
  if (status === 403) return 'permission_denied'
  if (status === 404) return 'not_found'
  if (status === 429) return 'throttled'
  if (status >= 500) return 'server_error'
  return 'validation_error'
}

/** Builds an `ApiError` from a failed response and its (already parsed) body. */
export function apiErrorFromResponse(
  response: { status: number; headers: Headers },
  body: unknown,
): ApiError {
  const envelope = isRecord(body) && isRecord(body.error) ? body.error : null
  return new ApiError({
    status: response.status,
    code:
      envelope && typeof envelope.code === 'string' ? envelope.code : defaultCode(response.status),
    message:
      envelope && typeof envelope.message === 'string'
        ? envelope.message
        : `Request failed with status ${response.status}`,
    fields: envelope ? readFields(envelope.fields) : {},
    retryAfter: parseRetryAfter(response.headers.get('Retry-After')),
  })
}

export function networkError(cause: unknown): ApiError {
  const error = new ApiError({
    status: 0,
    code: 'network_error',
    message: cause instanceof Error ? cause.message : 'Network error',
  })
  error.cause = cause
  return error
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}

type ClientResult<T> = { data?: T; error?: unknown; response: Response }

/**
 * Awaits an `openapi-fetch` call and returns its data, or throws an `ApiError`
 * (including for network failures) so TanStack Query sees a rejected promise.
 */
export async function unwrap<T>(call: Promise<ClientResult<T>>): Promise<T> {
  let result: ClientResult<T>
  try {
    result = await call
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw networkError(cause)
  }
  if (!result.response.ok) {
    throw apiErrorFromResponse(result.response, result.error)
  }
  return result.data as T
}

/**
 * Splits server field errors into those the form shows beside its own inputs
 * (`known`, first message each) and the rest (shown above the form).
 */
export function splitFieldErrors(
  error: unknown,
  known: readonly string[],
): { fieldErrors: Record<string, string>; otherMessages: string[] } {
  const fieldErrors: Record<string, string> = {}
  const otherMessages: string[] = []
  if (!isApiError(error)) return { fieldErrors, otherMessages }
  for (const [key, messages] of Object.entries(error.fields)) {
    if (known.includes(key)) {
      const first = messages[0]
      if (first) fieldErrors[key] = first
    } else {
      otherMessages.push(...messages)
    }
  }
  return { fieldErrors, otherMessages }
}
