import { useRevalidator } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useT } from "~/i18n/use-t";
import { useLive } from "~/realtime/use-live";
import type { Activity } from "~/realtime/types";

type LiveTopic = { topic: string; after: number };

/** One subscription; a component per topic, since hooks cannot be called in a loop. */
function TopicWatch({ live, onActivity }: { live: LiveTopic; onActivity: (activity: Activity) => void }) {
  useLive(live.topic, live.after, onActivity);
  return null;
}

/**
 * "N new problems — show" for a board view a new post would top (the caller decides). Posts reach it on
 * the board's topic and the topics of the viewer's alliances; the viewer's own posts are not news to them.
 * Showing reloads the page's data, which also resubscribes from the new latest ids.
 */
export function NewProblemsBar({
  topics,
  viewerId,
  allianceId = null,
}: {
  topics: LiveTopic[];
  viewerId: string | null;
  /** An alliance's tab counts only posts to that alliance. */
  allianceId?: string | null;
}) {
  const t = useT();
  const revalidator = useRevalidator();
  const [posted, setPosted] = useState<string[]>([]);
  const key = topics.map((live) => `${live.topic}@${live.after}`).join(" ");
  // New data from the server already shows what was counted.
  useEffect(() => setPosted([]), [key]);

  const onActivity = (activity: Activity) => {
    if (activity.type !== "problem.posted" || activity.actorId === viewerId) return;
    if (allianceId && activity.payload.allianceId !== allianceId) return;
    const id = activity.payload.problemId;
    if (typeof id === "string") setPosted((ids) => (ids.includes(id) ? ids : [...ids, id]));
  };

  return (
    <>
      {topics.map((live) => (
        <TopicWatch key={live.topic} live={live} onActivity={onActivity} />
      ))}
      {posted.length > 0 && (
        <p
          role="status"
          className="mt-4 flex items-center justify-between gap-3 rounded-md border border-teal-200 bg-teal-50 px-4 py-2 text-sm text-teal-900"
          data-testid="new-problems"
        >
          {t("problem.board.newPosts", { count: posted.length })}
          <button
            type="button"
            onClick={() => revalidator.revalidate()}
            className="font-semibold text-teal-800 underline hover:text-teal-950"
          >
            {t("problem.board.showNew")}
          </button>
        </p>
      )}
    </>
  );
}
