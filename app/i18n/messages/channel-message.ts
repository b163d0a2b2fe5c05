import { defineMessages } from "../define";

/**
 * Why sending, editing, deleting or marking messages read failed: the `message` of a socket
 * acknowledgement's error and the field messages of the HTTP form (both are these keys).
 */
export const channelMessage = defineMessages({
  "zh-CN": {
    "error.bodyRequired": "请输入消息内容。",
    "error.bodyTooLong": "消息最多 10,000 个字符。",
    "error.clientKeyInvalid": "发送标识无效，请刷新页面后重试。",
    "error.clientKeyReused": "这个发送标识已用于另一个频道的消息，请刷新页面后重试。",
    "error.replyInvalid": "要回复的消息不在这个频道。",
    "error.replyRemoved": "要回复的消息已被删除或隐藏。",
    "error.messageInvalid": "找不到这条消息。",
    "error.seqInvalid": "已读位置无效。",
    "error.channelInvalid": "找不到这个频道。",
    "error.notFound": "找不到这个频道或这条消息。",
    "error.forbidden": "您不能在这个频道发言。",
    "error.archived": "这个频道已归档，只能阅读。",
    "error.notEditable": "只能编辑自己未被删除或隐藏的消息。",
    "error.notDeletable": "只能删除自己的消息；组织者可以删除任何消息。",
    "error.limit": "发送得太快了，请稍后再试。",
    "error.badRequest": "请求格式不正确。",
    "error.intentUnknown": "未知的操作。",
    "error.internal": "暂时无法处理，请稍后再试。",
    "error.unauthenticated": "登录已失效，请重新登录。",
  },
  en: {
    "error.bodyRequired": "Write a message.",
    "error.bodyTooLong": "A message can be at most 10,000 characters.",
    "error.clientKeyInvalid": "The send key is invalid; reload the page and try again.",
    "error.clientKeyReused":
      "This send key was already used for a message in another channel; reload the page and try again.",
    "error.replyInvalid": "The message you reply to is not in this channel.",
    "error.replyRemoved": "The message you reply to was removed or hidden.",
    "error.messageInvalid": "No such message.",
    "error.seqInvalid": "Invalid read position.",
    "error.channelInvalid": "No such channel.",
    "error.notFound": "No such channel or message.",
    "error.forbidden": "You cannot post in this channel.",
    "error.archived": "This channel is archived: it can be read, not written to.",
    "error.notEditable": "You can edit only your own messages that are not removed or hidden.",
    "error.notDeletable": "You can delete only your own messages; organizers can delete any.",
    "error.limit": "You are sending too fast; try again in a moment.",
    "error.badRequest": "The request is malformed.",
    "error.intentUnknown": "Unknown action.",
    "error.internal": "This cannot be done right now; try again later.",
    "error.unauthenticated": "Your session has ended; log in again.",
  },
});
