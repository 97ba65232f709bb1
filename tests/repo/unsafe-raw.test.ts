// unsafeRaw() is the html tag's one escape hatch: it may appear only where listed here, with the reason.
// Text from a user or the database never goes through it.
import { describe, expect, it } from 'vitest'
import { sourceFiles } from '../support/source-files.ts'

const ALLOWED: Readonly<Record<string, string>> = {
  'src/web/html.ts': 'defines it',
}

describe('unsafeRaw', () => {
  it('is used only in the files listed with their reason', () => {
    const users = sourceFiles('src', 'templates')
      .filter((file) => /\bunsafeRaw\b/.test(file.text))
      .map((file) => file.path)
    expect(users).toContain('src/web/html.ts')
    expect(users.filter((path) => !(path in ALLOWED))).toEqual([])
  })

  it('is not reached around: no other code builds SafeHtml from a string', () => {
    const forgers = sourceFiles('src')
      .filter((file) => file.path !== 'src/web/html.ts')
      .filter((file) => /\btrust\(|new SafeHtml\b|as SafeHtml\b|as unknown as SafeHtml/.test(file.text))
      .map((file) => file.path)
    expect(forgers).toEqual([])
  })
})
