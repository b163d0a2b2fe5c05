import type { Activity } from "~/realtime/types";

/** One line of the home page's activity panel: only what a visitor may see, never ids of users. */
export type FeedItem = {
  id: number;
  kind: "joined";
  name: string;
  organization?: { nameZh: string; nameEn: string };
  at: string;
};

/** The activities the panel knows how to show; anything else on the topic is skipped. */
export function toFeedItem(activity: Activity): FeedItem | null {
  const { displayName, organization } = activity.payload;
  if (activity.type !== "user.joined" || typeof displayName !== "string") return null;
  return {
    id: activity.id,
    kind: "joined",
    name: displayName,
    ...(isOrganization(organization)
      ? { organization: { nameZh: organization.nameZh, nameEn: organization.nameEn } }
      : {}),
    at: activity.createdAt,
  };
}

export function toFeed(activities: readonly Activity[]): FeedItem[] {
  return activities.flatMap((activity) => toFeedItem(activity) ?? []);
}

/** Sign-up and the seed publish the organization with its names in both languages (users.server.ts). */
function isOrganization(value: unknown): value is { nameZh: string; nameEn: string } {
  if (typeof value !== "object" || value === null) return false;
  const { nameZh, nameEn } = value as Record<string, unknown>;
  return typeof nameZh === "string" && typeof nameEn === "string" && nameZh !== "" && nameEn !== "";
}
