export * from "./users";
export * from "./organizations";
export * from "./chains";
export * from "./alliances";
export * from "./activity";
export * from "./memberships";
