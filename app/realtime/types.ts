/** One row of the activity log as it travels to clients. */
export type Activity = {
  id: number;
  topic: string;
  type: string;
  payload: Record<string, unknown>;
  actorId: string | null;
  createdAt: string;
};

/** The socket side as domain modules see it: they emit committed activities, nothing else. */
export type Realtime = {
  emit(activities: Activity[]): void;
  disconnectUser(userId: string, exceptSessionId?: string): void;
};
