import { closeSync, existsSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '#domain/errors.ts';

/**
 * PGlite takes no lock of its own, and two processes on one data folder corrupt it
 * (architecture.md). We hold an exclusive lock file with our pid; a stale file left by a
 * dead process is taken over.
 */
export interface LockFile {
  path: string;
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the exclusive lock on `dataDir` or throws DATABASE_LOCKED naming the holder. */
export function acquireLockFile(dataDir: string): LockFile {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'hailong.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return {
        path,
        release() {
          if (released) return;
          released = true;
          try {
            if (readFileSync(path, 'utf8') === String(process.pid)) unlinkSync(path);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new DomainError('DATABASE_LOCKED', {
          message:
            `Thư mục dữ liệu ${dataDir} đang được tiến trình HàiLòng khác (pid ${holder}) sử dụng. ` +
            `Hãy dừng tiến trình đó trước. / The data folder ${dataDir} is in use by another HàiLòng process (pid ${holder}); stop it first.`,
          details: { pid: holder, path },
        });
      }
      if (existsSync(path)) unlinkSync(path);
    }
  }
  throw new DomainError('DATABASE_LOCKED', { details: { path } });
}
