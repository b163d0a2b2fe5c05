import { runWithDatabase } from "./cli";

// openDatabase() migrates; nothing more to do.
await runWithDatabase("migrate", async () => {});
