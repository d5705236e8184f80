/** Writing the site's files into the output folder: made if missing, our files overwritten, nothing else touched. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { EXIT_UNREADABLE, Exit } from '../exit.js';
import type { SiteFile } from './site-files.js';

export async function writeSite(outDir: string, files: SiteFile[]): Promise<void> {
  for (const file of files) {
    const path = join(outDir, ...file.path.split('/'));
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.content);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why =
        code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'ENOTDIR' || code === 'EEXIST'
            ? 'a file is in the way of a folder'
            : (error as Error).message;
      throw new Exit(`error: cannot write ${path}: ${why}`, EXIT_UNREADABLE);
    }
  }
}
