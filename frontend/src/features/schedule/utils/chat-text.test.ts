import { describe, expect, it } from 'vitest'

import { chatSegments } from './chat-text'

describe('chatSegments', () => {
  it('turns only the listed links into links, in order, keeping the text around them', () => {
    expect(
      chatSegments('See https://a.example/x and https://b.example/y, then https://a.example/x again', [
        'https://a.example/x',
        'https://b.example/y',
        'https://a.example/x',
      ]),
    ).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', href: 'https://a.example/x' },
      { kind: 'text', text: ' and ' },
      { kind: 'link', href: 'https://b.example/y' },
      { kind: 'text', text: ', then ' },
      { kind: 'link', href: 'https://a.example/x' },
      { kind: 'text', text: ' again' },
    ])
  })

  it('never links other schemes, or links missing from the body', () => {
    expect(chatSegments('javascript:alert(1) <b>hi</b>', ['javascript:alert(1)', 'https://elsewhere.example'])).toEqual([
      { kind: 'text', text: 'javascript:alert(1) <b>hi</b>' },
    ])
  })

  it('gives nothing for an empty body', () => {
    expect(chatSegments('', [])).toEqual([])
  })
})
