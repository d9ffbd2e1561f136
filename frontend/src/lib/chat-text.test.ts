import { describe, expect, it } from 'vitest'

import { chatSegments } from './chat-text'

describe('chat segments', () => {
  it('turns only the listed URLs into links, in order', () => {
    expect(chatSegments('Read https://a.pk then http://b.pk/x?y=1 please', ['https://a.pk', 'http://b.pk/x?y=1'])).toEqual([
      { kind: 'text', text: 'Read ' },
      { kind: 'link', href: 'https://a.pk' },
      { kind: 'text', text: ' then ' },
      { kind: 'link', href: 'http://b.pk/x?y=1' },
      { kind: 'text', text: ' please' },
    ])
  })

  it('repeats of one URL each become a link', () => {
    expect(chatSegments('https://a.pk https://a.pk', ['https://a.pk', 'https://a.pk'])).toEqual([
      { kind: 'link', href: 'https://a.pk' },
      { kind: 'text', text: ' ' },
      { kind: 'link', href: 'https://a.pk' },
    ])
  })

  it('keeps markup and unlisted or unsafe URLs as text', () => {
    const body = '<b>hi</b> javascript:alert(1) www.x.pk'
    expect(chatSegments(body, ['javascript:alert(1)', 'https://missing.pk'])).toEqual([{ kind: 'text', text: body }])
  })
})
