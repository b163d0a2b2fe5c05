import { useEffect, useLayoutEffect } from "react";

/**
 * useLayoutEffect in the browser (scroll positions must be set before the paint), nothing on the
 * server, where React warns about it and there is nothing to measure.
 */
export const useBrowserLayoutEffect = typeof document === "undefined" ? useEffect : useLayoutEffect;
