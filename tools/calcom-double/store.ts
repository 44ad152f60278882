import type { DoubleBooking, DoubleEventType, DoubleTeam, DoubleUser, DoubleWebhook } from "./model";

/** Everything the double remembers. `reset()` empties it (ids restart at 1). */
export class DoubleStore {
  users = new Map<number, DoubleUser>();
  teams = new Map<number, DoubleTeam>();
  eventTypes = new Map<number, DoubleEventType>();
  bookings = new Map<string, DoubleBooking>();
  webhooks = new Map<string, DoubleWebhook>();
  private sequences = { user: 0, team: 0, eventType: 0, booking: 0, webhook: 0 };

  reset(): void {
    this.users.clear();
    this.teams.clear();
    this.eventTypes.clear();
    this.bookings.clear();
    this.webhooks.clear();
    this.sequences = { user: 0, team: 0, eventType: 0, booking: 0, webhook: 0 };
  }

  /** The next id of a kind, or `explicit` (and the sequence moves past it so later ids stay unique). */
  nextId(kind: keyof DoubleStore["sequences"], explicit?: number): number {
    if (explicit !== undefined) {
      this.sequences[kind] = Math.max(this.sequences[kind], explicit);
      return explicit;
    }
    this.sequences[kind] += 1;
    return this.sequences[kind];
  }

  userByApiKey(apiKey: string): DoubleUser | undefined {
    for (const user of this.users.values()) if (user.apiKeys.includes(apiKey)) return user;
    return undefined;
  }

  userByUsername(username: string): DoubleUser | undefined {
    for (const user of this.users.values()) if (user.username === username) return user;
    return undefined;
  }

  teamBySlug(slug: string): DoubleTeam | undefined {
    for (const team of this.teams.values()) if (team.slug === slug) return team;
    return undefined;
  }

  isTeamAdmin(teamId: number, userId: number): boolean {
    const member = this.teams.get(teamId)?.members.find((m) => m.userId === userId);
    return member !== undefined && member.role !== "MEMBER";
  }

  isTeamMember(teamId: number, userId: number): boolean {
    return this.teams.get(teamId)?.members.some((m) => m.userId === userId) ?? false;
  }

  /** Bookings of a host that block time: accepted ones (Cal.com does not count pending ones as busy). */
  busyBookingsOf(userId: number): DoubleBooking[] {
    return [...this.bookings.values()].filter(
      (b) => b.status === "accepted" && b.hostUserIds.includes(userId),
    );
  }
}
