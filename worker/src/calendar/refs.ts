/** Names of calendar entries: committed appointments, bookings being written, moves (a hold is named by its id). */
export const appointmentRef = (a: { uid: string | null; id?: number }) =>
  a.uid ? `appt:${a.uid}` : `appt-id:${a.id}`;
export const pendingRef = (uid: string) => `pending:${uid}`;
export const moveRef = (uid: string) => `move:${uid}`;
/** The part of a hold that keeps a room or chair (in that unit's calendar; its D1 copy has this id). */
export const resourceHoldRef = (holdId: string) => `${holdId}:resource`;
/**
 * The calendar entry of one part of a hold: a composite offer holds each step in its staff
 * member's calendar (part 0 carries the hold's own id, so a simple hold is its only part).
 */
export const holdPartRef = (holdId: string, part: number) => (part === 0 ? holdId : `${holdId}#${part}`);
/** Where a hold part's number starts in its ref (the "#"), or -1 for part 0 and other refs. */
const partMark = (ref: string) => (ref.startsWith("hold_") ? ref.indexOf("#") : -1);
/** Which part of its hold a part's ref names ("hold_x" → 0, "hold_x#2" → 2). */
export const holdPartIndex = (ref: string) => {
  const hash = partMark(ref);
  return hash < 0 ? 0 : Number(ref.slice(hash + 1));
};
/** The hold a part belongs to ("hold_x#2" → "hold_x"); any other ref stands for itself. */
export const holdOfRef = (ref: string) => {
  const hash = partMark(ref);
  return hash < 0 ? ref : ref.slice(0, hash);
};
