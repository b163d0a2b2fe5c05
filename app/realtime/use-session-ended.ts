import { useEffect, useState } from "react";
import type { HandshakeErrorData } from "./protocol";
import { getLive } from "./socket.client";

/**
 * Whether the server ended this page's session while it was open: it says so on the socket before
 * closing it (log-out elsewhere, password change, suspension), or refuses a reconnect as signed out.
 * A plain disconnect (a server restart) is not an ended session. Mount only for a signed-in page.
 */
export function useSessionEnded(): boolean {
  const [ended, setEnded] = useState(false);
  useEffect(() => {
    const { socket } = getLive();
    const end = () => setEnded(true);
    const refused = (error: Error & { data?: Partial<HandshakeErrorData> }) => {
      if (error.data?.code === "unauthenticated") end();
    };
    socket.on("session:ended", end);
    socket.on("connect_error", refused);
    return () => {
      socket.off("session:ended", end);
      socket.off("connect_error", refused);
    };
  }, []);
  return ended;
}
