// The HTTP load tools of the workbench benchmark (bench/serve-bench.ts), behind one shape:
// wrk (Debian's `wrk` package, C, its own process) when it is installed, else autocannon
// (npm, in the benchmark's own process). Both keep CONNECTIONS requests in flight and send
// the paths in turn, one list shared by every connection.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';

export type LoadTool = 'wrk' | 'autocannon';

export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly requests: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  /** Socket errors, timeouts and answers other than 2xx/3xx. */
  readonly errors: number;
  /** CPU seconds the load tool used during the run. */
  readonly toolCpuSeconds: number;
}

export interface LoadOptions {
  readonly base: string;
  readonly paths: readonly string[];
  readonly connections: number;
  readonly seconds: number;
  /** A folder for wrk's script. */
  readonly dir: string;
}

export function wrkInstalled(): boolean {
  return spawnSync('wrk', ['--version']).error === undefined;
}

export function runLoad(tool: LoadTool, options: LoadOptions): Promise<LoadResult> {
  return tool === 'wrk' ? runWrk(options) : runAutocannon(options);
}

async function runAutocannon(o: LoadOptions): Promise<LoadResult> {
  let next = 0;
  const before = process.cpuUsage();
  const r = await autocannon({
    url: o.base,
    connections: o.connections,
    duration: o.seconds,
    requests: [{ setupRequest: (q) => ({ ...q, path: o.paths[next++ % o.paths.length]! }) }],
  });
  const cpu = process.cpuUsage(before);
  return {
    requestsPerSecond: r.requests.average,
    requests: r.requests.total,
    latencyP50Ms: r.latency.p50,
    latencyP99Ms: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
    toolCpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
}

/**
 * CPU seconds from a Linux /proc/PID/stat: a process's own (utime + stime, its threads
 * included), or that of its children that have ended (cutime + cstime). USER_HZ is 100.
 */
export function cpuSecondsOf(pid: number | 'self', children = false): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const at = children ? 13 : 11;
  return (Number(fields[at]) + Number(fields[at + 1])) / 100;
}

async function runWrk(o: LoadOptions): Promise<LoadResult> {
  // One Lua state (one wrk thread), so `n` runs through the list across all connections.
  const script = join(o.dir, 'paths.lua');
  writeFileSync(
    script,
    `local paths = {${o.paths.map((p) => JSON.stringify(p)).join(',\n')}}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end
`,
  );
  const before = cpuSecondsOf('self', true);
  const args = ['-t1', `-c${o.connections}`, `-d${o.seconds}s`, '--latency', '-s', script, o.base];
  const out = await new Promise<string>((done, fail) => {
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (c: Buffer) => (text += c.toString('utf8')));
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done(text) : fail(new Error(`wrk exited (${code})`))));
  });
  const num = (re: RegExp): number => Number(re.exec(out)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/u.exec(out);
  return {
    requestsPerSecond: num(/Requests\/sec:\s+([\d.]+)/u),
    requests: num(/(\d+) requests in/u),
    latencyP50Ms: latencyMs(out, '50%'),
    latencyP99Ms: latencyMs(out, '99%'),
    errors:
      num(/Non-2xx or 3xx responses: (\d+)/u) +
      (socket ? socket.slice(1).reduce((a, b) => a + Number(b), 0) : 0),
    toolCpuSeconds: cpuSecondsOf('self', true) - before,
  };
}

/** A percentile of wrk's latency distribution (`--latency`), written like `2.85ms` or `950us`. */
function latencyMs(out: string, pct: string): number {
  const m = new RegExp(`^\\s*${pct}\\s+([\\d.]+)(us|ms|s)\\s*$`, 'mu').exec(out);
  if (!m) return NaN;
  const scale = { us: 0.001, ms: 1, s: 1000 }[m[2] as 'us' | 'ms' | 's'];
  return Number(m[1]) * scale;
}
