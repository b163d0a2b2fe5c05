import type { ActionFunctionArgs } from "@remix-run/node";
import { attachmentAction } from "~/utils/attachment-action.server";

/** Upload and delete a resource's attachments. Action only: the form lives on the resource page. */
export const action = (args: ActionFunctionArgs) => attachmentAction(args, "resource");
