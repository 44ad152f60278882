/** Names of calendar entries: committed appointments, bookings being written, moves (a hold is named by its id). */
export const appointmentRef = (a: { uid: string | null; id?: number }) =>
  a.uid ? `appt:${a.uid}` : `appt-id:${a.id}`;
export const pendingRef = (uid: string) => `pending:${uid}`;
export const moveRef = (uid: string) => `move:${uid}`;
/** The part of a hold that keeps a room or chair (in that unit's calendar; its D1 copy has this id). */
export const resourceHoldRef = (holdId: string) => `${holdId}:resource`;
