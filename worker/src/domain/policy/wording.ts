/** Count phrases with the right singular/plural, for the decision reasons. */

export const hoursDe = (n: number) => `${n} ${n === 1 ? "Stunde" : "Stunden"}`;
export const hoursEn = (n: number) => `${n} ${n === 1 ? "hour" : "hours"}`;
export const appointmentsDe = (n: number) => `${n} ${n === 1 ? "Termin" : "Termine"}`;
export const appointmentsEn = (n: number) => `${n} ${n === 1 ? "appointment" : "appointments"}`;
export const conflictsDe = (n: number) => `${n} ${n === 1 ? "Konflikt" : "Konflikte"}`;
export const conflictsEn = (n: number) => `${n} ${n === 1 ? "conflict" : "conflicts"}`;
