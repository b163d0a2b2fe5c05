import { useFetcher } from "@remix-run/react";
import { SubmitButton } from "~/components/form/submit-button";
import { useT } from "~/i18n/use-t";

/** Follow or unfollow; the poster, told about everything already, sees a note instead. */
export function FollowButton({
  problemId,
  following,
  own,
}: {
  problemId: string;
  following: boolean;
  own: boolean;
}) {
  const t = useT();
  const fetcher = useFetcher({ key: `follow-${problemId}` });
  if (own) return <p className="text-xs text-slate-500">{t("problemCare.follow.own")}</p>;
  return (
    <fetcher.Form
      method="post"
      action={`/problems/${problemId}/follow`}
      preventScrollReset
      className="flex items-center gap-2"
    >
      <SubmitButton
        name="intent"
        value={following ? "unfollow" : "follow"}
        variant="secondary"
        pending={fetcher.state !== "idle"}
        aria-pressed={following}
      >
        {t(following ? "problemCare.follow.unfollow" : "problemCare.follow.follow")}
      </SubmitButton>
      {following && <span className="text-xs text-slate-500">{t("problemCare.follow.following")}</span>}
    </fetcher.Form>
  );
}
