/** Names of calendar entries: committed appointments, bookings being written, holds, moves. */
export const appointmentRef = (a: { uid: string | null; id?: number }) =>
  a.uid ? `appt:${a.uid}` : `appt-id:${a.id}`;
export const pendingRef = (uid: string) => `pending:${uid}`;
export const moveRef = (uid: string) => `move:${uid}`;
