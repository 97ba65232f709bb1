// Templates below records (issue 13 item 6): the record layouts, their vocabulary, the formatting and
// the record-input types import nothing from src/; src/records imports them, one way.
import { describe, expect, it } from 'vitest'
import { relativeImports, resolvedImport, sourceFiles } from '../support/source-files.ts'

describe('templates/', () => {
  it('imports nothing from src/', () => {
    const templates = sourceFiles('templates')
    expect(templates.map((file) => file.path)).toContain('templates/pdf/index.ts')
    const intoSrc = templates.flatMap((file) =>
      relativeImports(file)
        .map((specifier) => resolvedImport(file, specifier))
        .filter((target) => target.startsWith('src/'))
        .map((target) => `${file.path} -> ${target}`),
    )
    expect(intoSrc).toEqual([])
  })
})
