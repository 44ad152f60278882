/** Names of calendar entries: committed appointments, bookings being written, moves (a hold is named by its id). */
export const appointmentRef = (a: { uid: string | null; id?: number }) =>
  a.uid ? `appt:${a.uid}` : `appt-id:${a.id}`;
export const pendingRef = (uid: string) => `pending:${uid}`;
export const moveRef = (uid: string) => `move:${uid}`;
