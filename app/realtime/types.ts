/** One row of the activity log as it travels to clients. */
export type Activity = {
  id: number;
  topic: string;
  type: string;
  payload: Record<string, unknown>;
  actorId: string | null;
  createdAt: string;
};

/** The socket side as domain modules see it: they emit committed activities and end sessions' sockets. */
export type Realtime = {
  emit(activities: Activity[]): void;
  /** Disconnects the sockets opened with this session (logout). */
  disconnectSession(sessionId: string): void;
  /** Disconnects every socket of the user, except those of `exceptSessionId` (password change, suspension). */
  disconnectUser(userId: string, exceptSessionId?: string): void;
};
