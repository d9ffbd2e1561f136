// The live-class mesh with real browsers: per-participant upload and download bitrates, received video
// quality and CPU for rooms of 2, 4 and 6 Chromium browsers with fake cameras and microphones, all on this
// machine. Usage: node bench/mesh.mjs [--sizes 2,4,6] [--seconds 30] [--port 8066]
// (run by `make bench-mesh`; needs `make install`, the built front end and e2e/node_modules).
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '../e2e/node_modules/playwright-core/index.mjs';

const ROOT = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '2,4,6' }, seconds: { type: 'string', default: '30' },
    port: { type: 'string', default: '8066' } },
});
const SIZES = values.sizes.split(',').map(Number);
const SECONDS = Number(values.seconds);
const BASE = `http://127.0.0.1:${values.port}`;
const PASSWORD = 'ustad-demo-2026';
// tutor2 teaches "Python from zero", in which all five demo students are enrolled; its demo class starts
// in five minutes, so everyone may enter now.
const PEOPLE = ['tutor2@ustad.test', ...[1, 2, 3, 4, 5].map((n) => `student${n}@ustad.test`)];
const CLASS_TITLE = 'Python live: questions and answers';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-quic', '--no-first-run', '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream', '--autoplay-policy=no-user-gesture-required'];
const TICK = 100; // USER_HZ

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function startPlatform() {
  const varDir = join(ROOT, 'var', 'bench-mesh');
  rmSync(varDir, { recursive: true, force: true });
  const server = spawn(join(ROOT, '.venv', 'bin', 'python'), ['-m', 'ustad.core.supervisor', '--port', values.port,
    '--var-dir', varDir, '--no-beat'], { cwd: ROOT, stdio: 'ignore', detached: true,
    env: { ...process.env, SITE_URL: BASE, RATE_LIMIT_LOGIN: '500/minute' } });
  for (let i = 0; i < 240; i += 1) {
    try { if ((await fetch(`${BASE}/readyz`)).ok) return server; } catch { /* not yet */ }
    await sleep(1000);
  }
  throw new Error('the platform did not start');
}

async function api(path, token, init = {}) {
  const response = await fetch(`${BASE}/api/v1${path}`, { ...init, headers: { 'Content-Type': 'application/json',
    ...(token ? { Authorization: `Bearer ${token}` } : {}), ...init.headers } });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function classId() {
  let access = '';
  for (const email of PEOPLE) {  // some demo people read Urdu; the harness finds buttons by their English names
    ({ access } = await api('/auth/login', null, { method: 'POST', body: JSON.stringify({ email, password: PASSWORD }) }));
    await api('/me', access, { method: 'PATCH', body: JSON.stringify({ language: 'en' }) });
  }
  ({ access } = await api('/auth/login', null, { method: 'POST',
    body: JSON.stringify({ email: PEOPLE[0], password: PASSWORD }) }));
  const sessions = await api('/sessions?page_size=50', access);
  return sessions.results.find((session) => session.title === CLASS_TITLE).id;
}

/** CPU seconds of a process and all its descendants (the browser and its renderer, GPU and utility processes). */
function treeCpuSeconds(rootPid) {
  const stats = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(entry), { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / TICK });
    } catch { /* gone */ }
  }
  let total = 0;
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.pop();
    total += stats.get(pid)?.cpu ?? 0;
    for (const [child, info] of stats) if (info.ppid === pid) queue.push(child);
  }
  return total;
}

function machineCpu() {
  const [, ...numbers] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const ticks = numbers.map(Number);
  return { busy: ticks.reduce((a, b) => a + b, 0) - ticks[3] - ticks[4], all: ticks.reduce((a, b) => a + b, 0) };
}

// Every RTCPeerConnection the page makes, so the harness can read their statistics.
const CAPTURE = `(() => { const Native = window.RTCPeerConnection; window.__pcs = [];
  window.RTCPeerConnection = class extends Native { constructor(...args) { super(...args); window.__pcs.push(this); } }; })()`;

async function pageTotals(page) {
  return page.evaluate(async () => {
    const totals = { sent: 0, received: 0, framesDecoded: 0, framesDropped: 0, width: [], connected: 0 };
    for (const pc of window.__pcs) {
      if (pc.connectionState === 'connected') totals.connected += 1;
      const report = await pc.getStats();
      report.forEach((stat) => {
        if (stat.type === 'outbound-rtp') totals.sent += stat.bytesSent ?? 0;
        if (stat.type === 'inbound-rtp') {
          totals.received += stat.bytesReceived ?? 0;
          if (stat.kind === 'video') {
            totals.framesDecoded += stat.framesDecoded ?? 0;
            totals.framesDropped += stat.framesDropped ?? 0;
            if (stat.frameWidth) totals.width.push(stat.frameWidth);
          }
        }
      });
    }
    return totals;
  });
}

async function enterClass(browser, email, id) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(CAPTURE);
  const page = await context.newPage();
  await page.goto(`${BASE}/login`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(/\/tutors/);
  await page.goto(`${BASE}/classroom/${id}`);
  try {
    await page.getByRole('button', { name: 'Join with camera and microphone' }).click();
  } catch (error) {
    await page.screenshot({ path: join(ROOT, 'var', 'bench-mesh-failed.png') });
    throw error;
  }
  return page;
}

async function playingRemoteVideos(page) {
  return page.evaluate(() => [...document.querySelectorAll('video[data-peer-id]')]
    .filter((video) => video.videoWidth > 0 && !video.paused).length);
}

async function measure(size, id) {
  const browsers = [];
  const pages = [];
  const servers = [];
  for (const email of PEOPLE.slice(0, size)) {
    // A browser server of its own per participant, so its processes' CPU can be read from /proc.
    const server = await chromium.launchServer({ executablePath: '/usr/bin/chromium', args: ARGS });
    servers.push(server);
    const browser = await chromium.connect(server.wsEndpoint());
    browsers.push(browser);
    pages.push(await enterClass(browser, email, id));
  }
  const settleStart = Date.now();
  while (Date.now() - settleStart < 90_000) {
    const counts = await Promise.all(pages.map(playingRemoteVideos));
    if (counts.every((count) => count >= size - 1)) break;
    await sleep(1000);
  }
  const connectedIn = (Date.now() - settleStart) / 1000;
  const playing = await Promise.all(pages.map(playingRemoteVideos));
  await sleep(5000); // let bandwidth estimation ramp up before measuring
  const before = await Promise.all(pages.map(pageTotals));
  const cpuBefore = servers.map((server) => treeCpuSeconds(server.process().pid));
  const machineBefore = machineCpu();
  const started = Date.now();
  await sleep(SECONDS * 1000);
  const elapsed = (Date.now() - started) / 1000;
  const after = await Promise.all(pages.map(pageTotals));
  const cpuAfter = servers.map((server) => treeCpuSeconds(server.process().pid));
  const machineAfter = machineCpu();
  const rows = pages.map((_, i) => ({
    upKbps: ((after[i].sent - before[i].sent) * 8) / 1000 / elapsed,
    downKbps: ((after[i].received - before[i].received) * 8) / 1000 / elapsed,
    fps: (after[i].framesDecoded - before[i].framesDecoded) / elapsed / Math.max(1, size - 1),
    width: after[i].width.length ? Math.min(...after[i].width) : 0,
    cpu: ((cpuAfter[i] - cpuBefore[i]) / elapsed) * 100,
  }));
  for (const browser of browsers) await browser.close();
  for (const server of servers) await server.close();
  const mean = (key) => rows.reduce((sum, row) => sum + row[key], 0) / rows.length;
  const machine = ((machineAfter.busy - machineBefore.busy) / (machineAfter.all - machineBefore.all)) * 100;
  return { size, connectedIn, playing: `${Math.min(...playing)}/${size - 1}`, upKbps: mean('upKbps'),
    downKbps: mean('downKbps'), fps: mean('fps'), minWidth: Math.min(...rows.map((row) => row.width)),
    cpu: mean('cpu'), machine };
}

const server = await startPlatform();
try {
  const id = await classId();
  console.log(`${SECONDS} s per size, Chromium with fake 640×480 camera and microphone, all browsers on this machine`);
  console.log('size  settle s  playing  up kbps/peer  down kbps/peer  recv fps/stream  min recv width  CPU %/browser  machine CPU %');
  for (const size of SIZES) {
    const r = await measure(size, id);
    console.log(`${String(r.size).padStart(4)}  ${r.connectedIn.toFixed(1).padStart(8)}  ${r.playing.padStart(7)}  ` +
      `${r.upKbps.toFixed(0).padStart(12)}  ${r.downKbps.toFixed(0).padStart(14)}  ${r.fps.toFixed(1).padStart(15)}  ` +
      `${String(r.minWidth).padStart(14)}  ${r.cpu.toFixed(0).padStart(13)}  ${r.machine.toFixed(0).padStart(13)}`);
  }
} finally {
  process.kill(-server.pid, 'SIGINT');
}
