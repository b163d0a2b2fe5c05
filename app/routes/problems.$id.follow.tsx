import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { follow, unfollow } from "~/models/problem-follows.server";
import { invariantResponse } from "~/utils/invariant";
import { requireProblem } from "~/utils/problem-guard.server";

/**
 * Follow or unfollow a problem. Action only: the button lives on the page. The poster hears about
 * their problem anyway, so following it is a no-op for them.
 */
export async function action(args: ActionFunctionArgs) {
  const formData = await args.request.formData().catch(() => new FormData());
  const intent = formData.get("intent");
  const { user, problem } = await requireProblem(args, "problem.follow");
  invariantResponse(intent === "follow" || intent === "unfollow", 400, "problemCare.error.intentUnknown");
  const { db } = args.context.services;
  if (intent === "unfollow") await unfollow(db, problem.id, user.id);
  else if (user.id !== problem.authorId) await follow(db, problem.id, user.id);
  return redirect(`/problems/${problem.id}`);
}
