/**
 * Splits a chat message into plain text and links. Only the URLs the server listed in `links` become
 * links, found in order in the body, and only `http(s)` ones: nothing else in a message is ever markup.
 */
export type ChatSegment = { kind: 'text'; text: string } | { kind: 'link'; href: string }

const SAFE_SCHEME = /^https?:\/\//i

export function chatSegments(body: string, links: readonly string[]): ChatSegment[] {
  const segments: ChatSegment[] = []
  let cursor = 0
  for (const href of links) {
    if (!SAFE_SCHEME.test(href)) continue
    const start = body.indexOf(href, cursor)
    if (start === -1) continue
    if (start > cursor) segments.push({ kind: 'text', text: body.slice(cursor, start) })
    segments.push({ kind: 'link', href })
    cursor = start + href.length
  }
  if (cursor < body.length) segments.push({ kind: 'text', text: body.slice(cursor) })
  return segments
}
