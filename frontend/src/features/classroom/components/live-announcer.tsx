/** A polite, visually hidden live region; each new announcement is read once, even if repeated. */
export function LiveAnnouncer({ announcement }: { announcement: { id: number; text: string } | null }) {
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="sr-only">
      {announcement && <p key={announcement.id}>{announcement.text}</p>}
    </div>
  )
}
