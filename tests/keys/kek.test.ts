// The KEK wraps and unwraps keys; tampering, another use (AAD) or another KEK is refused.
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { kekFromBase64 } from '../../src/keys/kek.ts'

const freshKek = () => kekFromBase64(randomBytes(32).toString('base64'))

describe('the key-encryption key', () => {
  it('unwraps what it wrapped, for the same use', () => {
    const kek = freshKek()
    const secret = new Uint8Array(randomBytes(100))
    const wrapped = kek.wrap(secret, 'tender-key:tnd_1')
    expect(Buffer.from(kek.unwrap(wrapped, 'tender-key:tnd_1'))).toEqual(Buffer.from(secret))
  })

  it('uses a fresh IV each time, so wrapping the same key twice differs', () => {
    const kek = freshKek()
    const secret = new Uint8Array(32)
    expect(kek.wrap(secret, 'a')).not.toBe(kek.wrap(secret, 'a'))
  })

  it('refuses a tampered ciphertext', () => {
    const kek = freshKek()
    const wrapped = kek.wrap(new Uint8Array(randomBytes(64)), 'signing-key:sig-1')
    const parts = wrapped.split('.')
    const sealed = Buffer.from(parts[3]!, 'base64url')
    sealed[5]! ^= 0x01
    parts[3] = sealed.toString('base64url')
    expect(() => kek.unwrap(parts.join('.'), 'signing-key:sig-1')).toThrow(/fails authentication/)
  })

  it('refuses to unwrap for another use than it was wrapped for (AAD)', () => {
    const kek = freshKek()
    const wrapped = kek.wrap(new Uint8Array(randomBytes(64)), 'tender-key:tnd_1')
    expect(() => kek.unwrap(wrapped, 'tender-key:tnd_2')).toThrow(/fails authentication/)
    expect(() => kek.unwrap(wrapped, 'signing-key:tnd_1')).toThrow(/fails authentication/)
  })

  it('says so when another KEK wrapped the key', () => {
    const wrapped = freshKek().wrap(new Uint8Array(8), 'x')
    expect(() => freshKek().unwrap(wrapped, 'x')).toThrow(/wrapped by KEK [0-9a-f]{16}, but this KEK is/)
  })

  it('accepts only 32 bytes of base64', () => {
    expect(() => kekFromBase64(randomBytes(16).toString('base64'))).toThrow(/32 bytes/)
    expect(() => kekFromBase64(randomBytes(33).toString('base64'))).toThrow(/32 bytes/)
    expect(() => kekFromBase64('not base64 at all!')).toThrow(/base64/)
    expect(kekFromBase64(randomBytes(32).toString('base64url')).fingerprint).toMatch(/^[0-9a-f]{16}$/)
  })
})
