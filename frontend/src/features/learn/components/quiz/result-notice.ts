/** Why the result screen opened on its own: the time ran out, or the attempt was already closed. */
export type ResultNotice = 'timeUp' | 'late' | 'alreadySubmitted'
