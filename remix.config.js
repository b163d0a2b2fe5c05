/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  // Tailwind v4 runs through PostCSS (postcss.config.js); the compiler's built-in Tailwind v3 hook stays off.
  postcss: true,
  tailwind: false,
  // Native and server-only packages stay external to the server bundle.
  serverDependenciesToBundle: [],
  watchPaths: ["db/schema/**/*.ts"],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
