// PGlite does not lock its data folder against a second process: we do, with a pid file.
import fs from 'node:fs'
import path from 'node:path'

export class DataFolderLocked extends Error {
  override readonly name = 'DataFolderLocked'
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Takes the lock or throws; returns the function that releases it. */
export function lockDataFolder(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true })
  const lockFile = path.join(dataDir, 'youxuan.lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' })
      return () => fs.rmSync(lockFile, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number(fs.readFileSync(lockFile, 'utf8'))
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new DataFolderLocked(
          `the data folder ${dataDir} is in use by process ${holder}; stop it first or set YOUXUAN_DATA_DIR`,
        )
      }
      fs.rmSync(lockFile, { force: true }) // a stale lock from a process that died
    }
  }
  throw new DataFolderLocked(`could not lock ${dataDir}`)
}
