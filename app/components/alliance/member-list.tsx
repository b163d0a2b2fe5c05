import { useActionData } from "@remix-run/react";
import { useState } from "react";
import { StatusMessage } from "~/components/form/status-message";
import { useT } from "~/i18n/use-t";
import type { DirectoryMember } from "~/models/member-directory.server";
import type { action } from "~/routes/alliances.$slug.members";
import { manageable, MemberRow } from "./member-row";

/**
 * The directory's rows. A change's confirmation is shown above the list rather than in its row, since
 * a removed member's row goes away; so is a refusal about someone without a row of controls here
 * (another alliance's member, a chair an organizer may not touch), posted without JavaScript.
 */
export function MemberList({ members, viewerId }: { members: DirectoryMember[]; viewerId: string | null }) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [notice, setNotice] = useState<string | null>(null);
  const stray =
    actionData?.error && !members.some((member) => member.userId === actionData.userId && manageable(member))
      ? actionData.error
      : null;
  return (
    <>
      {stray && (
        <p
          role="alert"
          className="mt-4 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800"
        >
          {t(`membership.error.${stray}`)}
        </p>
      )}
      {notice && (
        <div className="mt-4">
          <StatusMessage>{notice}</StatusMessage>
        </div>
      )}
      {members.length === 0 ? (
        <p className="mt-6 rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-600">
          {t("membership.members.empty")}
        </p>
      ) : (
        <ul className="mt-4 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {members.map((member) => (
            <MemberRow
              key={member.userId}
              member={member}
              isViewer={member.userId === viewerId}
              onDone={setNotice}
            />
          ))}
        </ul>
      )}
    </>
  );
}
