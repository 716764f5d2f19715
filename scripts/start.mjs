// `npm start`: builds the web app when its sources are newer than the last build, then runs the
// server (TypeScript through tsx, no separate build step) in this same process.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const web = path.join(root, 'packages/web');
const builtIndex = path.join(web, 'dist/index.html');

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

if (!process.env.HUICAN_SKIP_WEB_BUILD) {
  const sources = Math.max(
    newestMtime(path.join(web, 'src')),
    newestMtime(path.join(web, 'index.html')),
    newestMtime(path.join(web, 'vite.config.ts')),
    newestMtime(path.join(root, 'packages/core/src')),
  );
  if (!fs.existsSync(builtIndex) || fs.statSync(builtIndex).mtimeMs < sources) {
    console.info('Building the web app (first start, or its sources changed)…');
    const result = spawnSync('npm', ['run', 'build', '-w', '@huican/web'], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

const { register } = await import('tsx/esm/api');
register();
await import('../packages/server/src/main.ts');
