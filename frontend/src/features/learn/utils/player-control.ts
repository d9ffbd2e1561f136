/** What the notes panel may do with the video: read its time and jump to a moment. */
export interface PlayerControl {
  currentTime(): number | null
  seek(seconds: number): void
}
