type FreeSlot = { readonly staffIds: readonly number[] };

/**
 * Who takes each offered slot: the staff member asked for wherever they are free, otherwise as few
 * different people as possible. The caller hears "8:15, 9:30 or 10:30 with Petra" rather than
 * three names, and the holds go to fewer calendar objects. Greedy set cover (each round gives the
 * open slots to whoever is free at most of them; ties: who comes first in the earliest slot), and
 * never more names than each slot's first-listed person would give.
 */
export function fewestStaff(slots: readonly FreeSlot[], wanted: number | undefined): number[] {
  const first = slots.map((s) =>
    wanted !== undefined && s.staffIds.includes(wanted) ? wanted : s.staffIds[0],
  );
  if (first.some((id) => id === undefined)) throw new Error("A free slot names nobody free"); // the engine never does
  const greedy = greedyCover(slots, wanted);
  return new Set(greedy).size <= new Set(first).size ? greedy : (first as number[]);
}

function greedyCover(slots: readonly FreeSlot[], wanted: number | undefined): number[] {
  const chosen = slots.map((s) => (wanted !== undefined && s.staffIds.includes(wanted) ? wanted : undefined));
  for (;;) {
    const open = slots.filter((_, i) => chosen[i] === undefined);
    if (open.length === 0) return chosen as number[];
    const counts = new Map<number, number>();
    for (const slot of open) for (const id of slot.staffIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    let best = open[0]!.staffIds[0]!;
    for (const slot of open)
      for (const id of slot.staffIds) if (counts.get(id)! > counts.get(best)!) best = id;
    slots.forEach((slot, i) => {
      if (chosen[i] === undefined && slot.staffIds.includes(best)) chosen[i] = best;
    });
  }
}
