// Finds or installs what the browser journeys need before `npm test` runs them: Debian's Chromium
// (never a downloaded browser) and a font with Vietnamese glyphs for the PDFs and screenshots; and
// Poppler's pdfsig, which the signing tests run on signed PDFs.
// As root with apt-get, missing packages are installed the way .ci/run does; otherwise the run
// stops with a message that says exactly what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function hasPdfsig() {
  return spawnSync('pdfsig', ['-v'], { stdio: 'ignore' }).status === 0;
}

function hasDejaVu() {
  const list = spawnSync('fc-list', [], { encoding: 'utf8' });
  return list.status === 0 && /dejavu/i.test(list.stdout);
}

/** Debian package names still missing on this machine. */
export function missingPackages() {
  const missing = [];
  if (!existsSync(chromium)) missing.push('chromium');
  if (!hasDejaVu()) missing.push('fonts-dejavu-core');
  if (!hasPdfsig()) missing.push('poppler-utils');
  return missing;
}

function canInstall() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return isRoot && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

export function ensureTestTools() {
  const missing = missingPackages();
  if (missing.length === 0) return;
  if (!canInstall()) {
    console.error(
      [
        `Thiếu công cụ để chạy kiểm thử trình duyệt / missing test tools: ${missing.join(', ')}`,
        `  Cài một lần / install once:  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`,
        '  (hoặc đặt CHROMIUM_PATH tới một Chromium có sẵn / or set CHROMIUM_PATH to an installed Chromium)',
      ].join('\n'),
    );
    process.exit(1);
  }
  console.log(`Đang cài / installing: ${missing.join(', ')} (apt-get)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
  const still = missingPackages();
  if (still.length > 0) {
    console.error(`Không cài được / could not install: ${still.join(', ')}`);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) ensureTestTools();
