/**
 * Progress for long CLI work: a bar that redraws in place on a terminal, plain lines
 * (every 10%) when the output goes to a file or CI log.
 */
export interface Progress {
  step(label: string): void;
  tick(n?: number): void;
  done(summary?: string): void;
}

export function progress(title: string, total: number, out: NodeJS.WriteStream = process.stderr): Progress {
  let current = 0;
  let label = '';
  let lastDecile = -1;
  const started = Date.now();
  const tty = out.isTTY === true;
  const render = () => {
    const fraction = total > 0 ? Math.min(1, current / total) : 1;
    if (tty) {
      const width = 30;
      const filled = Math.round(fraction * width);
      out.write(`\r${title} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}% ${label.padEnd(40).slice(0, 40)}`);
    } else {
      const decile = Math.floor(fraction * 10);
      if (decile !== lastDecile) {
        lastDecile = decile;
        out.write(`${title}: ${decile * 10}% ${label}\n`);
      }
    }
  };
  return {
    step(l) {
      label = l;
      render();
    },
    tick(n = 1) {
      current += n;
      render();
    },
    done(summary) {
      current = total;
      label = '';
      render();
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      out.write(`${tty ? '\n' : ''}${title}: done in ${seconds}s${summary ? ` (${summary})` : ''}\n`);
    },
  };
}
