import { createContext, useContext } from "react";

/** The request's CSP nonce, set by entry.server so inline scripts Remix renders are allowed. */
export const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
