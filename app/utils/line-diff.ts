export type DiffLine = { kind: "same" | "added" | "removed"; text: string };

/**
 * A line diff by longest common subsequence: lines in both texts stay, the rest are removed (from
 * `before`) or added (from `after`), removals before additions at each change. Quadratic in the
 * number of changed lines, which is fine for a problem's text; the common head and tail are trimmed
 * first so a small edit to a long text costs little.
 */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before === "" ? [] : before.split(/\r?\n/);
  const b = after === "" ? [] : after.split(/\r?\n/);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);

  // lengths[i][j]: the LCS length of x[i..] and y[j..].
  const lengths = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--)
      lengths[i][j] =
        x[i] === y[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);

  const middle: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      middle.push({ kind: "same", text: x[i] });
      i++;
      j++;
    } else if (lengths[i + 1][j] >= lengths[i][j + 1]) {
      middle.push({ kind: "removed", text: x[i++] });
    } else {
      middle.push({ kind: "added", text: y[j++] });
    }
  }
  while (i < x.length) middle.push({ kind: "removed", text: x[i++] });
  while (j < y.length) middle.push({ kind: "added", text: y[j++] });

  const same = (text: string): DiffLine => ({ kind: "same", text });
  return [...a.slice(0, head).map(same), ...middle, ...a.slice(a.length - tail).map(same)];
}

/** Whether a diff changes anything. */
export function hasChanges(diff: readonly DiffLine[]): boolean {
  return diff.some((line) => line.kind !== "same");
}
