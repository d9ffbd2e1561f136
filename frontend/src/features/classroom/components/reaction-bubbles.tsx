import { useEffect, useState } from 'react'

import { cn } from '@/components/ui/cn'

import type { Person } from '../utils/protocol'
import type { ReactionBubble } from '../utils/room-state'

/** One reaction drifting up and fading out; still (but shown) for people who prefer less motion. */
function Bubble({ bubble, name, index }: { bubble: ReactionBubble; name: string; index: number }) {
  const [risen, setRisen] = useState(false)
  useEffect(() => {
    const frame = requestAnimationFrame(() => setRisen(true))
    return () => cancelAnimationFrame(frame)
  }, [])
  return (
    <li
      style={{ insetInlineStart: `${10 + ((bubble.id * 37 + index * 13) % 70)}%` }}
      className={cn(
        'absolute bottom-4 flex flex-col items-center transition-all duration-[3500ms] ease-out motion-reduce:transition-none',
        risen ? '-translate-y-32 opacity-0 motion-reduce:translate-y-0 motion-reduce:opacity-100' : 'opacity-100',
      )}
    >
      <span className="text-4xl">{bubble.emoji}</span>
      {name && <span className="max-w-24 truncate rounded bg-slate-900/70 px-1.5 text-xs text-white">{name}</span>}
    </li>
  )
}

/** Reactions float over the stage for a few seconds. Decorative: screen readers are not interrupted. */
export function ReactionBubbles({ reactions, people }: { reactions: ReactionBubble[]; people: Person[] }) {
  if (reactions.length === 0) return null
  return (
    <ul aria-hidden="true" className="pointer-events-none absolute inset-0 overflow-hidden">
      {reactions.map((bubble, index) => (
        <Bubble
          key={bubble.id}
          bubble={bubble}
          index={index}
          name={people.find((p) => p.user_id === bubble.userId)?.name.split(/\s+/)[0] ?? ''}
        />
      ))}
    </ul>
  )
}
