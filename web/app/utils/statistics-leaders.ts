/** A chart's value and how many case studies it has. */
export interface CountedValue {
  label: string;
  count: number;
}

/**
 * The values with the highest count, in the given order; none when every count is 0. Several
 * when they tie: the statistics then must not name one of them as "am häufigsten".
 */
export function leadingValues<Row extends CountedValue>(rows: readonly Row[]): Row[] {
  const highest = Math.max(0, ...rows.map((row) => row.count));
  return highest > 0 ? rows.filter((row) => row.count === highest) : [];
}

/** At most this many tied values are named; more are only counted ("12 liegen gleichauf"). */
export const MAX_NAMED_TIES = 3;
