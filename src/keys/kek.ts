// The key-encryption key (KEK): every private key the platform stores is wrapped by it with AES-256-GCM,
// the additional authenticated data naming what the key is for, so a wrapped key cannot be moved to another use.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { ConfigError } from '../config.ts'

export interface Kek {
  /** A short, non-secret fingerprint, to tell which KEK wrapped a stored key. */
  readonly fingerprint: string
  wrap(plaintext: Uint8Array, aad: string): string
  unwrap(wrapped: string, aad: string): Uint8Array
}

const FORMAT = 'kek1'
const IV_BYTES = 12
const TAG_BYTES = 16
export const KEK_FILE_NAME = 'kek.key'

/** Throws unless the text is base64 of exactly 32 bytes. */
export function kekFromBase64(base64: string): Kek {
  const text = base64.trim()
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) throw new ConfigError('the KEK must be base64 of 32 bytes')
  const key = Buffer.from(text, text.includes('-') || text.includes('_') ? 'base64url' : 'base64')
  if (key.length !== 32) {
    throw new ConfigError(`the KEK must be 32 bytes (AES-256), got ${key.length}`)
  }
  return kekFromBytes(key)
}

function kekFromBytes(key: Buffer): Kek {
  const fingerprint = createHash('sha256').update('youxuan-kek:').update(key).digest('hex').slice(0, 16)
  return {
    fingerprint,
    wrap(plaintext, aad) {
      const iv = randomBytes(IV_BYTES)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      cipher.setAAD(Buffer.from(aad, 'utf8'))
      const sealed = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()])
      return [FORMAT, fingerprint, iv.toString('base64url'), sealed.toString('base64url')].join('.')
    },
    unwrap(wrapped, aad) {
      const [format, wrappedBy, ivText, sealedText] = wrapped.split('.')
      if (format !== FORMAT || !ivText || !sealedText) throw new Error('not a key wrapped by a KEK')
      if (wrappedBy !== fingerprint) {
        throw new Error(`the key was wrapped by KEK ${wrappedBy}, but this KEK is ${fingerprint}`)
      }
      const iv = Buffer.from(ivText, 'base64url')
      const sealed = Buffer.from(sealedText, 'base64url')
      if (iv.length !== IV_BYTES || sealed.length < TAG_BYTES) throw new Error('the wrapped key is truncated')
      const decipher = createDecipheriv('aes-256-gcm', key, iv)
      decipher.setAAD(Buffer.from(aad, 'utf8'))
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES))
      try {
        return new Uint8Array(
          Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]),
        )
      } catch {
        // GCM says only "unable to authenticate": name the likely causes instead.
        throw new Error(
          `the wrapped key fails authentication (tampered, or wrapped for another use than ${aad})`,
        )
      }
    },
  }
}

export type KekSource = 'env' | 'file' | 'file-created'

export interface LoadedKek {
  readonly kek: Kek
  readonly source: KekSource
  readonly path: string | null
}

/**
 * YOUXUAN_KEK wins. Production demands it (a key file beside the data it protects protects little);
 * elsewhere the embedded default keeps one in `<dataDir>/kek.key`, created on first start.
 */
export async function loadKek(o: {
  kekBase64: string | null
  dataDir: string
  production: boolean
}): Promise<LoadedKek> {
  if (o.kekBase64) return { kek: kekFromBase64(o.kekBase64), source: 'env', path: null }
  if (o.production) {
    throw new ConfigError(
      'YOUXUAN_KEK is required in production: set it to 32 random bytes in base64 ' +
        '(e.g. `openssl rand -base64 32`), kept apart from the database and backed up',
    )
  }
  const file = path.join(o.dataDir, KEK_FILE_NAME)
  const created = createKeyFile(file)
  const text = fs.readFileSync(file, 'utf8')
  try {
    return { kek: kekFromBase64(text), source: created ? 'file-created' : 'file', path: file }
  } catch (error) {
    throw new ConfigError(`${file} holds no valid KEK: ${(error as Error).message}`)
  }
}

/**
 * Creates the key file unless it exists. Written aside and hard-linked into place, so two processes
 * starting together agree on one key and neither reads a half-written file.
 */
function createKeyFile(file: string): boolean {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const aside = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`
  fs.writeFileSync(aside, `${randomBytes(32).toString('base64')}\n`, { flag: 'wx', mode: 0o600 })
  try {
    fs.linkSync(aside, file)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  } finally {
    fs.rmSync(aside, { force: true })
  }
}

/** The start-up log line saying where the KEK came from. */
export function describeKekSource(loaded: LoadedKek): { level: 'info' | 'warn'; message: string } {
  switch (loaded.source) {
    case 'env':
      return { level: 'info', message: `key-encryption key from YOUXUAN_KEK (${loaded.kek.fingerprint})` }
    case 'file':
      return { level: 'info', message: `key-encryption key from ${loaded.path} (${loaded.kek.fingerprint})` }
    case 'file-created':
      return { level: 'warn', message: `created a key-encryption key at ${loaded.path} (0600); back it up` }
  }
}
