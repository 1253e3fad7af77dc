import Table from 'cli-table3';

/** A borderless, left-aligned table; numbers right-aligned. Headers dimmed only on a TTY. */
export function formatTable(
  head: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  const table = new Table({
    head: head.some((h) => h !== '') ? [...head] : [],
    chars: {
      top: '',
      'top-mid': '',
      'top-left': '',
      'top-right': '',
      bottom: '',
      'bottom-mid': '',
      'bottom-left': '',
      'bottom-right': '',
      left: '',
      'left-mid': '',
      mid: '',
      'mid-mid': '',
      right: '',
      'right-mid': '',
      middle: '  ',
    },
    style: {
      head: process.stdout.isTTY ? ['bold'] : [],
      border: [],
      'padding-left': 0,
      'padding-right': 0,
    },
  });
  for (const r of rows) {
    table.push(
      r.map((c) =>
        typeof c === 'number'
          ? { content: c.toLocaleString('en-US'), hAlign: 'right' as const }
          : (c ?? ''),
      ),
    );
  }
  // cli-table3 pads the last column too; trailing spaces only get in the way of copy and grep.
  return table.toString().replace(/ +$/gm, '');
}

/** Print a value as pretty JSON (for --json). */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
