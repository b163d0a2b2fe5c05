import { channelAccess } from "~/models/channel-access.server";
import { eventAccess } from "~/models/event-access.server";
import { problemAccess } from "~/models/problem-access.server";
import { inquiryAccess } from "~/models/resource-access.server";
import { allianceAccess } from "~/models/topic-records.server";
import type { Db } from "~/utils/db.server";
import {
  allianceRole,
  can,
  canInAlliance,
  canSeeProblem,
  canWatchAlliance,
  canWatchUser,
  isTopicKind,
  type Viewer,
} from "~/utils/permissions.server";
import type { RealtimeError } from "./protocol";
import { parseTopic } from "./topics";

/** Null when the viewer may subscribe to the topic; otherwise why not. Unknown kinds are refused. */
export async function refuseTopic(db: Db, viewer: Viewer, topic: string): Promise<RealtimeError | null> {
  const parsed = parseTopic(topic);
  if (!parsed) return { code: "bad_request", message: `"${topic}" is not a topic name` };
  const { kind, id } = parsed;
  if (!isTopicKind(kind)) return forbidden(topic);
  switch (kind) {
    case "platform":
      return id === null && can(viewer, "platform.watch") ? null : forbidden(topic);
    case "user":
      return id !== null && canWatchUser(viewer, id) ? null : forbidden(topic);
    case "alliance": {
      if (id === null || !canInAlliance(allianceRole(viewer, null), "alliance.watch"))
        return forbidden(topic);
      const alliance = await allianceAccess(db, id, viewer?.id ?? null);
      if (!alliance) return { code: "not_found", message: `no alliance ${id}` };
      return canWatchAlliance(allianceRole(viewer, alliance.membership), alliance) ? null : forbidden(topic);
    }
    case "board": {
      if (!can(viewer, "problem.watch")) return forbidden(topic);
      if (id === null) return null;
      // An alliance's members-only posts: for whoever may see its alliance-only problems.
      const alliance = await allianceAccess(db, id, viewer?.id ?? null);
      if (!alliance) return { code: "not_found", message: `no alliance ${id}` };
      const active = new Set(alliance.membership?.status === "active" ? [id] : []);
      return canSeeProblem(viewer, active, { visibility: "alliance", allianceId: id })
        ? null
        : forbidden(topic);
    }
    case "problem": {
      if (id === null || !can(viewer, "problem.watch")) return forbidden(topic);
      // An alliance-only problem does not exist to outsiders, here as at its address.
      const problem = await problemAccess(db, viewer, id);
      return problem ? null : { code: "not_found", message: `no problem ${id}` };
    }
    case "event": {
      if (id === null || !can(viewer, "event.watch")) return forbidden(topic);
      // A draft or alliance-only event does not exist to those who may not see it, here as at its address.
      const event = await eventAccess(db, viewer, id);
      return event ? null : { code: "not_found", message: `no event ${id}` };
    }
    case "channel": {
      if (id === null) return forbidden(topic);
      // A private channel does not exist for those not invited, here as at its address.
      const channel = await channelAccess(db, viewer, id);
      return channel ? null : { code: "not_found", message: `no channel ${id}` };
    }
    case "inquiry": {
      if (id === null || !can(viewer, "inquiry.watch")) return forbidden(topic);
      // An inquiry exists only for its asker and the provider.
      const inquiry = await inquiryAccess(db, viewer, id);
      return inquiry ? null : { code: "not_found", message: `no inquiry ${id}` };
    }
  }
}

function forbidden(topic: string): RealtimeError {
  return { code: "forbidden", message: `not allowed to follow ${topic}` };
}
