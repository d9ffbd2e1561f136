import type { AttendanceRow, AttendanceStatus } from '../api/types'

/** How many students were present, late and absent. */
export function attendanceCounts(rows: readonly AttendanceRow[]): Record<AttendanceStatus, number> {
  const counts: Record<AttendanceStatus, number> = { present: 0, late: 0, absent: 0 }
  for (const row of rows) counts[row.status] += 1
  return counts
}
