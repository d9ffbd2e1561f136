import { useEffect, useRef, useState } from 'react'

/** Focuses the first control marked invalid inside `root` (inputs, or the first choice of a group). */
export function focusFirstInvalid(root: HTMLElement | null): void {
  const target = root?.querySelector<HTMLElement>(
    '[aria-invalid="true"], fieldset[data-invalid="true"] input',
  )
  target?.focus()
}

/**
 * `ref` goes on the `<form>`; call `focusInvalid()` after setting errors and the
 * first invalid field gets focus once React has rendered them.
 */
export function useInvalidFocus<T extends HTMLElement = HTMLFormElement>() {
  const ref = useRef<T>(null)
  const [requests, setRequests] = useState(0)
  useEffect(() => {
    if (requests > 0) focusFirstInvalid(ref.current)
  }, [requests])
  return { ref, focusInvalid: () => setRequests((n) => n + 1) }
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export function isEmail(value: string): boolean {
  return EMAIL_PATTERN.test(value.trim())
}

export const MIN_PASSWORD_LENGTH = 10
