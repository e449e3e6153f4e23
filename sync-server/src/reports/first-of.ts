/**
 * The first `limit` of many rows in order, kept as they are offered: a row that does not come before
 * the last kept is turned away at one comparison, so hundreds of thousands are never sorted. Rows
 * that tie keep the order they came in.
 */
export class FirstOf<T> {
  readonly rows: T[] = [];

  constructor(
    private readonly limit: number,
    private readonly comesBefore: (a: T, b: T) => boolean,
  ) {}

  offer(row: T): void {
    const { rows, limit, comesBefore } = this;
    if (rows.length === limit && !comesBefore(row, rows[limit - 1])) return;
    // Its place, by halves: after every row it does not come before.
    let [low, high] = [0, rows.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (comesBefore(row, rows[middle])) high = middle;
      else low = middle + 1;
    }
    rows.splice(low, 0, row);
    if (rows.length > limit) rows.pop();
  }
}
