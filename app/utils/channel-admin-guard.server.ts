import { redirect, type AppLoadContext } from "@remix-run/node";
import type { MessageKey } from "~/i18n/dictionary";
import { channelAccess, type ChannelRef } from "~/models/channel-access.server";
import type { SessionUser } from "./auth.server";
import { invariantResponse } from "./invariant";
import { getOptionalUser } from "./session.server";

type Args = { request: Request; context: AppLoadContext; params: { id?: string } };

/** The right a channel route needs, as ChannelRef names it, and the 403 that explains its absence. */
const rights = {
  manage: "channelAdmin.error.manageForbidden",
  moderate: "channelAdmin.error.moderateForbidden",
  report: "channelAdmin.error.reportForbidden",
} as const satisfies Record<string, MessageKey>;

/**
 * For the channel's settings, moderation and report routes: a visitor logs in and comes back to
 * `back` (the page, not an action's URL); a channel the viewer cannot see is 404, as its page would
 * be; seeing it without the right is 403.
 */
export async function requireChannelRight(
  args: Args,
  right: keyof typeof rights,
  back: (id: string) => string,
): Promise<{ user: SessionUser; channel: ChannelRef }> {
  const id = args.params.id ?? "";
  const { user } = await getOptionalUser(args);
  if (!user) throw redirect(`/login?${new URLSearchParams({ redirectTo: back(encodeURIComponent(id)) })}`);
  const channel = await channelAccess(args.context.services.db, user, id);
  invariantResponse(channel, 404, "channelAdmin.error.notFound");
  invariantResponse(channel[right], 403, rights[right]);
  return { user, channel };
}

/** What a channel admin page shows of its channel in the header and title. */
export const adminChannel = (channel: ChannelRef) => ({
  id: channel.id,
  name: channel.name,
  allianceSlug: channel.allianceSlug,
  allianceNameZh: channel.allianceNameZh,
  allianceNameEn: channel.allianceNameEn,
});
