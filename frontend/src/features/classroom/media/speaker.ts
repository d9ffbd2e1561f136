/**
 * Who is speaking, from audio levels (0–1) read a few times a second. Each voice is smoothed, starts
 * "speaking" above one level and stops only below a lower one for a while (hysteresis), and the active
 * speaker changes only when someone else has been the loudest for a moment, so the stage does not flicker
 * between two people talking over each other or with every breath.
 */

export const SPEAKING_ON = 0.06
export const SPEAKING_OFF = 0.025
/** How long a voice stays "speaking" after falling quiet. */
export const QUIET_HOLD_MS = 900
/** How long another voice must be the loudest before the active speaker changes. */
export const SWITCH_AFTER_MS = 1200
/** Weight of the newest reading in the running average. */
const SMOOTHING = 0.5

interface Voice {
  level: number
  speaking: boolean
  quietSince: number | null
}

export interface SpeakerSnapshot {
  speaking: ReadonlySet<string>
  active: string | null
}

export class SpeakerTracker {
  private voices = new Map<string, Voice>()
  private active: string | null = null
  private challenger: { id: string; since: number } | null = null
  private snapshot: SpeakerSnapshot = { speaking: new Set(), active: null }

  /** Feeds one reading per voice (ids not given are gone); returns the same snapshot when nothing changed. */
  update(levels: ReadonlyMap<string, number>, now: number): SpeakerSnapshot {
    for (const id of this.voices.keys()) if (!levels.has(id)) this.voices.delete(id)
    for (const [id, raw] of levels) {
      const voice = this.voices.get(id) ?? { level: 0, speaking: false, quietSince: null }
      voice.level = voice.level * (1 - SMOOTHING) + Math.max(0, Math.min(1, raw)) * SMOOTHING
      if (voice.level >= SPEAKING_ON) {
        voice.speaking = true
        voice.quietSince = null
      } else if (voice.speaking && voice.level < SPEAKING_OFF) {
        voice.quietSince ??= now
        if (now - voice.quietSince >= QUIET_HOLD_MS) voice.speaking = false
      } else if (voice.level >= SPEAKING_OFF) {
        voice.quietSince = null
      }
      this.voices.set(id, voice)
    }

    let loudest: string | null = null
    for (const [id, voice] of this.voices) {
      if (!voice.speaking) continue
      if (loudest === null || voice.level > (this.voices.get(loudest)?.level ?? 0)) loudest = id
    }
    const current = this.active !== null ? this.voices.get(this.active) : undefined
    if (!current) {
      // The active speaker left: the loudest takes over at once (or keep none until someone speaks).
      this.active = loudest
      this.challenger = null
    } else if (loudest !== null && loudest !== this.active) {
      if (this.challenger?.id !== loudest) this.challenger = { id: loudest, since: now }
      if (now - this.challenger.since >= SWITCH_AFTER_MS || !current.speaking) {
        this.active = loudest
        this.challenger = null
      }
    } else {
      this.challenger = null
    }

    const speaking = new Set([...this.voices].filter(([, voice]) => voice.speaking).map(([id]) => id))
    const same =
      this.snapshot.active === this.active &&
      this.snapshot.speaking.size === speaking.size &&
      [...speaking].every((id) => this.snapshot.speaking.has(id))
    if (!same) this.snapshot = { speaking, active: this.active }
    return this.snapshot
  }
}
