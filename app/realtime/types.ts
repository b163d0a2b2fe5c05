/** One row of the activity log as it travels to clients. */
export type Activity = {
  id: number;
  topic: string;
  type: string;
  payload: Record<string, unknown>;
  actorId: string | null;
  createdAt: string;
};

/**
 * An activity as it is emitted live, linked to the topic's previous activity (0 when it is the first).
 * Live events can arrive out of commit order (two processes emit independently; a process can die between
 * commit and emit): a `prev` the client has not seen tells it to catch up before going on.
 */
export type LiveActivity = Activity & { prev: number };

/** The socket side as domain modules see it: they emit committed activities and end sessions' sockets. */
export type Realtime = {
  emit(activities: LiveActivity[]): void;
  /** Disconnects the sockets opened with this session (logout). */
  disconnectSession(sessionId: string): void;
  /** Disconnects every socket of the user, except those of `exceptSessionId` (password change, suspension). */
  disconnectUser(userId: string, exceptSessionId?: string): void;
  /**
   * Takes every socket of the user out of these rooms, on every process (leaving an alliance, removal
   * from a private channel): access closes at once, not at the next subscribe.
   */
  leaveRooms(userId: string, rooms: string[]): void;
};
