// A throwaway WordPress site for the tests: Debian's `wordpress` package (6.1) with MariaDB
// from a private data directory and Apache from its own configuration, both on 127.0.0.1
// on free ports, started and stopped by PID. Everything lives in one temporary directory;
// the only file outside it is the site's configuration, which Debian's wp-config.php reads
// from /etc/wordpress/config-<name>.php, with a name no real site uses; it is removed again,
// also when the tests fail or are interrupted. No system service is touched.
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WORDPRESS = '/usr/share/wordpress';
const CONFIG_DIR = '/etc/wordpress';
const COMMAND = fileURLToPath(new URL('wp-command.php', import.meta.url));

/** Why this machine cannot run the site, or undefined when it can. */
export function missingRequirement() {
  try {
    execFileSync('sh', ['-c', `test -d ${WORDPRESS} && test -w ${CONFIG_DIR} && command -v mariadbd apache2 php`], {
      stdio: 'ignore',
    });
    return undefined;
  } catch {
    return `needs Debian's wordpress, mariadb-server and libapache2-mod-php, and write access to ${CONFIG_DIR} (root)`;
  }
}

/**
 * Starts MariaDB and Apache, installs WordPress in `locale` and returns the site.
 * `site.wp(action, input)` runs one command of wp-command.php against it and returns its JSON answer.
 */
export async function startWordPress({ locale, log = console.log }) {
  const root = mkdtempSync(join(tmpdir(), 'open-letter-wordpress-'));
  const name = `open-letter-test-${randomBytes(6).toString('hex')}`;
  const configFile = join(CONFIG_DIR, `config-${name}.php`);
  const processes = [];
  const stopSync = () => {
    for (const child of processes) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(configFile, { force: true });
  };
  // A crash or Ctrl-C must not leave servers running or the configuration behind.
  const onSignal = (signal) => {
    stopSync();
    process.kill(process.pid, signal);
  };
  process.once('exit', stopSync);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const stop = async () => {
    await Promise.all(processes.map((child) => stopProcess(child)));
    rmSync(configFile, { force: true });
    rmSync(root, { recursive: true, force: true });
    process.off('exit', stopSync);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };

  try {
    // Apache's children run as www-data: they must read the site's files and write its logs.
    chmodSync(root, 0o755);
    const [dbPort, httpPort] = [await freePort(), await freePort()];
    const url = `http://127.0.0.1:${httpPort}`;
    const content = join(root, 'wp-content');
    for (const dir of ['plugins', 'themes', 'uploads']) mkdirSync(join(content, dir), { recursive: true });
    symlinkSync(join(WORDPRESS, 'wp-content/themes/twentytwentythree'), join(content, 'themes/twentytwentythree'));
    symlinkSync(join(WORDPRESS, 'wp-content/languages'), join(content, 'languages'));
    const debugLog = join(root, 'debug.log');
    writeFileSync(debugLog, '');
    if (process.getuid() === 0) chownSync(debugLog, uidOf('www-data'), uidOf('www-data'));

    let started = Date.now();
    const data = join(root, 'mysql');
    execFileSync(
      'mariadb-install-db',
      [
        '--no-defaults',
        `--datadir=${data}`,
        '--user=root',
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
      ],
      { stdio: 'ignore' },
    );
    processes.push(
      spawnLogged('mariadbd', [
        '--no-defaults',
        `--datadir=${data}`,
        '--user=root',
        '--bind-address=127.0.0.1',
        `--port=${dbPort}`,
        `--socket=${join(root, 'mysql.sock')}`,
        `--pid-file=${join(root, 'mysql.pid')}`,
        '--skip-name-resolve',
        '--innodb-buffer-pool-size=32M',
        `--log-error=${join(root, 'mysql.log')}`,
      ]),
    );
    await waitForPort(dbPort, processes.at(-1));
    execFileSync('mariadb', [
      '--no-defaults',
      `--socket=${join(root, 'mysql.sock')}`,
      '-uroot',
      '-e',
      "CREATE DATABASE wordpress; CREATE USER 'wordpress'@'127.0.0.1' IDENTIFIED BY 'wordpress'; GRANT ALL ON wordpress.* TO 'wordpress'@'127.0.0.1';",
    ]);
    log(`MariaDB ${data} on 127.0.0.1:${dbPort} (PID ${processes.at(-1).pid}) in ${Date.now() - started} ms`);

    writeFileSync(configFile, siteConfig({ url, dbPort, content, debugLog }));
    started = Date.now();
    const apacheConfig = join(root, 'apache.conf');
    writeFileSync(apacheConfig, apacheConfiguration({ root, httpPort, content, name }));
    processes.push(spawnLogged('apache2', ['-f', apacheConfig, '-DFOREGROUND']));
    await waitForPort(httpPort, processes.at(-1));
    log(`Apache ${url} (PID ${processes.at(-1).pid}) in ${Date.now() - started} ms`);

    const wp = (action, input = {}) => wordpressCommand({ name, httpPort, action, input });
    started = Date.now();
    const installed = wp('install', { locale });
    log(
      `WordPress ${installed.version} installed (${installed.locale}, users: ${Object.keys(installed.users).join(', ')}) in ${Date.now() - started} ms`,
    );
    return { url, content, users: installed.users, wp, debugLog: () => readFileSync(debugLog, 'utf8'), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Runs wp-command.php with PHP's command line, as root, against the test site. */
function wordpressCommand({ name, httpPort, action, input }) {
  const output = execFileSync('php', [COMMAND, action], {
    input: JSON.stringify(input),
    env: { ...process.env, OPEN_LETTER_TEST_SITE: name, OPEN_LETTER_TEST_HOST: `127.0.0.1:${httpPort}` },
    encoding: 'utf8',
    // Each command takes a second or two; one that hangs must fail the test, not stall CI.
    timeout: 60_000,
    killSignal: 'SIGKILL',
  });
  try {
    return JSON.parse(output);
  } catch {
    throw new Error(`wp-command.php ${action} printed no JSON:\n${output}`);
  }
}

function siteConfig({ url, dbPort, content, debugLog }) {
  const salts = [
    'AUTH_KEY',
    'SECURE_AUTH_KEY',
    'LOGGED_IN_KEY',
    'NONCE_KEY',
    'AUTH_SALT',
    'SECURE_AUTH_SALT',
    'LOGGED_IN_SALT',
    'NONCE_SALT',
  ]
    .map((key) => `define('${key}', '${randomBytes(24).toString('hex')}');`)
    .join('\n');
  return `<?php
// Written by open-letter's WordPress test; removed when the test ends.
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', 'wordpress');
define('DB_HOST', '127.0.0.1:${dbPort}');
define('WP_HOME', '${url}');
define('WP_SITEURL', '${url}');
define('WP_CONTENT_DIR', '${content}');
define('WP_CONTENT_URL', '${url}/wp-content');
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('FS_METHOD', 'direct');
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', '${debugLog}');
${salts}
`;
}

function apacheConfiguration({ root, httpPort, content, name }) {
  const module = (id, file) => `LoadModule ${id} /usr/lib/apache2/modules/${file}`;
  return `# open-letter's WordPress test: this Apache serves one throwaway site.
ServerRoot ${root}
ServerName 127.0.0.1
Listen 127.0.0.1:${httpPort}
PidFile ${root}/apache.pid
DefaultRuntimeDir ${root}
Mutex file:${root} default
ErrorLog ${root}/apache-error.log
${process.getuid() === 0 ? 'User www-data\nGroup www-data' : ''}
${module('mpm_prefork_module', 'mod_mpm_prefork.so')}
${module('authz_core_module', 'mod_authz_core.so')}
${module('dir_module', 'mod_dir.so')}
${module('mime_module', 'mod_mime.so')}
${module('alias_module', 'mod_alias.so')}
${module('env_module', 'mod_env.so')}
${module('php_module', 'libphp8.2.so')}
StartServers 2
MinSpareServers 2
MaxSpareServers 4
MaxRequestWorkers 8
# One request per connection. The tests run PHP commands with execFileSync, which blocks Node's
# event loop: an idle connection Apache closes meanwhile (KeepAliveTimeout) is still in Node's
# pool when the loop resumes, and the next fetch() on it fails with "other side closed".
KeepAlive Off
TypesConfig /etc/mime.types
DocumentRoot ${WORDPRESS}
Alias /wp-content ${content}
DirectoryIndex index.php
<Directory />
  Options FollowSymLinks
  AllowOverride None
  Require all granted
</Directory>
<FilesMatch "\\.php$">
  SetHandler application/x-httpd-php
</FilesMatch>
# Debian's wp-config.php reads /etc/wordpress/config-$WORDPRESS_CONFIG.php.
SetEnv WORDPRESS_CONFIG ${name}
php_admin_value error_log ${root}/php-error.log
`;
}

/** Each server gets a process group of its own: Apache signals its whole group when it stops. */
function spawnLogged(command, args) {
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  child.stderrText = '';
  child.stderr.on('data', (chunk) => (child.stderrText += chunk));
  return child;
}

async function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

function uidOf(user) {
  return Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForPort(port, child, timeout = 30_000) {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${child.spawnfile} exited (${child.exitCode}):\n${child.stderrText}`);
    const open = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      }).on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${child.spawnfile} did not listen on port ${port} within ${timeout} ms:\n${child.stderrText}`);
}
