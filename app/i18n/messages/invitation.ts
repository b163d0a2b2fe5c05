import { defineMessages } from "../define";

export const invitation = defineMessages({
  "zh-CN": {
    title: "邀请",
    toAlliance: "您受邀加入「{name}」。",
    toOrganization: "您受邀成为「{name}」的代表。",
    expires: "邀请有效期至 {date}，仅可使用一次。",
    forEmail: "此邀请发给 {email}。",
    signUp: "注册并接受",
    logIn: "登录后接受",
    accept: "接受邀请",
    notFound: "找不到此邀请，请检查链接是否完整。",
  },
  en: {
    title: "Invitation",
    toAlliance: "You are invited to join {name}.",
    toOrganization: "You are invited to represent {name}.",
    expires: "The invitation is valid until {date} and works once.",
    forEmail: "It was sent to {email}.",
    signUp: "Sign up and accept",
    logIn: "Log in to accept",
    accept: "Accept the invitation",
    notFound: "We could not find this invitation. Check that the link is complete.",
  },
});
