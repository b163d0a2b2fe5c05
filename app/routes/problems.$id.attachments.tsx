import type { ActionFunctionArgs } from "@remix-run/node";
import { attachmentAction } from "~/utils/attachment-action.server";

/** Upload and delete a problem's attachments. Action only: the form lives on the problem page. */
export const action = (args: ActionFunctionArgs) => attachmentAction(args, "problem");
