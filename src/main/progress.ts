/** A one-line progress bar on a terminal stream (plain lines when it is not a TTY, e.g. in CI). */
export function createProgressBar(stream: NodeJS.WriteStream, label: string) {
  let lastPrinted = 0;
  const isTty = stream.isTTY;
  return {
    update(done: number, total: number): void {
      const now = Date.now();
      if (now - lastPrinted < (isTty ? 100 : 2000) && done < total) return;
      lastPrinted = now;
      const ratio = total > 0 ? Math.min(1, done / total) : 0;
      const width = 30;
      const filled = Math.round(ratio * width);
      const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}% ${done}/${total}`;
      stream.write(isTty ? `\r${line}` : `${line}\n`);
    },
    done(): void {
      if (isTty) stream.write('\n');
    },
  };
}
