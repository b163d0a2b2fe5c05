/**
 * Topic names double as Socket.IO room names: `platform`, or `<kind>:<id>` such as `user:<id>` and
 * `alliance:<uuid>`. Publishers build them here so a typo cannot create a room nobody listens to.
 */
export type ParsedTopic = { kind: string; id: string | null };

const TOPIC = /^([a-z]+)(?::([A-Za-z0-9_-]{1,100}))?$/;

/** A syntactically valid topic, or null. Whether its kind exists is the policy's question. */
export function parseTopic(topic: string): ParsedTopic | null {
  const match = TOPIC.exec(topic);
  return match ? { kind: match[1], id: match[2] ?? null } : null;
}

export const PLATFORM_TOPIC = "platform";

/** New public problems, for the board's "N new problems". */
export const BOARD_TOPIC = "board";

/**
 * New members-only problems of one alliance. Not the alliance's own topic: any signed-in user may follow
 * that one, and an alliance-only problem must not exist for outsiders, not even as an id.
 */
export function allianceBoardTopic(allianceId: string): string {
  return `board:${allianceId}`;
}

export function userTopic(userId: string): string {
  return `user:${userId}`;
}

export function allianceTopic(allianceId: string): string {
  return `alliance:${allianceId}`;
}

export function problemTopic(problemId: string): string {
  return `problem:${problemId}`;
}

/**
 * Not a topic: the room of the sockets that watch who in an alliance is online (a client cannot
 * subscribe to it; `presence:watch` checks the policy and joins it).
 */
export function presenceRoom(allianceId: string): string {
  return `presence:${allianceId}`;
}

/** Not a topic: the room that holds one session's sockets, so logout can reach them on any process. */
export function sessionRoom(sessionId: string): string {
  return `session:${sessionId}`;
}

/** One event's live topic: seats left and waitlist positions of its occurrences, changes to it. */
export function eventTopic(eventId: string): string {
  return `event:${eventId}`;
}

/** One channel's messages: sent, edited, deleted, hidden. */
export function channelTopic(channelId: string): string {
  return `channel:${channelId}`;
}

/** One inquiry's thread and status, for its asker and the provider. */
export function inquiryTopic(inquiryId: string): string {
  return `inquiry:${inquiryId}`;
}
