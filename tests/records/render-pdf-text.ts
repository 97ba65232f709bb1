// Test-only: reads back what our renderer wrote, without outside tools. A small reader for the PDFs
// pdfkit produces (uncompressed xref, Flate streams, Type0 fonts with a ToUnicode CMap): each page's
// text (one line per text object), the fonts and the page sizes. Also `pdftotext` when installed.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { inflateSync } from 'node:zlib'

interface PdfObject {
  readonly dict: string
  readonly stream: Buffer | null
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1')
  const found = new Map<number, PdfObject>()
  const pattern = /(\d+) 0 obj\s*/g
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const start = match.index + match[0].length
    const end = text.indexOf('endobj', start)
    const body = text.slice(start, end)
    const streamAt = body.indexOf('stream\n')
    if (streamAt === -1) {
      found.set(Number(match[1]), { dict: body, stream: null })
      continue
    }
    const dict = body.slice(0, streamAt)
    const raw = Buffer.from(body.slice(streamAt + 7, body.lastIndexOf('\nendstream')), 'latin1')
    found.set(Number(match[1]), { dict, stream: dict.includes('/FlateDecode') ? inflateSync(raw) : raw })
    pattern.lastIndex = end
  }
  return found
}

const refIn = (dict: string, key: string): number | null => {
  const match = new RegExp(`/${key} (\\d+) 0 R`).exec(dict)
  return match ? Number(match[1]) : null
}

function pageIds(all: Map<number, PdfObject>): number[] {
  const root = [...all.values()].find((o) => /\/Type \/Pages\b/.test(o.dict) && !/\/Parent/.test(o.dict))
  const kids = /\/Kids \[([^\]]*)\]/.exec(root?.dict ?? '')?.[1] ?? ''
  return [...kids.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]))
}

/** glyph code (hex, 4 digits) → text, from a pdfkit ToUnicode CMap (bfrange with arrays, and bfchar). */
function toUnicode(cmap: string): Map<string, string> {
  const map = new Map<string, string>()
  const decode = (hex: string) =>
    String.fromCharCode(...(hex.match(/[0-9a-fA-F]{4}/g) ?? []).map((h) => Number.parseInt(h, 16)))
  for (const range of cmap.matchAll(/<([0-9a-fA-F]+)> <([0-9a-fA-F]+)> \[([^\]]*)\]/g)) {
    const start = Number.parseInt(range[1]!, 16)
    const values = [...range[3]!.matchAll(/<([^>]*)>/g)].map((m) => decode(m[1]!.replace(/\s/g, '')))
    values.forEach((value, i) => {
      map.set((start + i).toString(16).padStart(4, '0'), value)
    })
  }
  for (const single of cmap.matchAll(/<([0-9a-fA-F]{4})> <([0-9a-fA-F]+)>\s*$/gm)) {
    map.set(single[1]!.toLowerCase(), decode(single[2]!))
  }
  return map
}

function fontMaps(all: Map<number, PdfObject>, page: PdfObject): Map<string, Map<string, string>> {
  const resourcesId = refIn(page.dict, 'Resources')
  const resources = resourcesId === null ? page.dict : (all.get(resourcesId)?.dict ?? '')
  const fonts = /\/Font <<([^>]*)>>/.exec(resources)?.[1] ?? ''
  const maps = new Map<string, Map<string, string>>()
  for (const entry of fonts.matchAll(/\/(\w+) (\d+) 0 R/g)) {
    const font = all.get(Number(entry[2]))
    const cmapId = font ? refIn(font.dict, 'ToUnicode') : null
    const cmap = cmapId === null ? undefined : all.get(cmapId)?.stream
    if (cmap) maps.set(entry[1]!, toUnicode(cmap.toString('latin1')))
  }
  return maps
}

function pageText(content: string, maps: Map<string, Map<string, string>>): string {
  const lines: string[] = []
  let font: Map<string, string> | undefined
  let line = ''
  const tokens = /\/(\w+) [\d.]+ Tf|\[([^\]]*)\] TJ|<([0-9a-fA-F]*)> Tj|\bET\b/g
  for (const token of content.matchAll(tokens)) {
    if (token[1] !== undefined) font = maps.get(token[1])
    const hex =
      token[2] !== undefined ? [...token[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]!) : token[3]
    if (hex !== undefined) {
      for (const run of Array.isArray(hex) ? hex : [hex]) {
        for (const code of run.match(/[0-9a-fA-F]{4}/g) ?? [])
          line += font?.get(code.toLowerCase()) ?? '\uFFFD'
      }
    }
    if (token[0] === 'ET') {
      lines.push(line)
      line = ''
    }
  }
  return lines.join('\n')
}

/** Each page's text, read in-process from the content streams and the fonts' ToUnicode maps. */
export function pdfPageTexts(pdf: Buffer): string[] {
  const all = objects(pdf)
  return pageIds(all).map((id) => {
    const page = all.get(id)!
    const contents = refIn(page.dict, 'Contents')
    const content = contents === null ? '' : (all.get(contents)?.stream?.toString('latin1') ?? '')
    return pageText(content, fontMaps(all, page))
  })
}

/** The embedded fonts' names, e.g. "BZZZZZ+NotoSansSC-Regular". */
export function pdfFonts(pdf: Buffer): string[] {
  const names = [...objects(pdf).values()].flatMap((o) =>
    /\/Type \/FontDescriptor/.test(o.dict) ? [/\/FontName \/([^\s/]+)/.exec(o.dict)?.[1] ?? ''] : [],
  )
  return [...new Set(names)]
}

export function pdfStructure(pdf: Buffer): { pages: number; mediaBoxes: string[] } {
  const all = objects(pdf)
  const pages = pageIds(all).map((id) => all.get(id)!)
  return {
    pages: pages.length,
    mediaBoxes: pages.map((p) => /\/MediaBox (\[[^\]]*\])/.exec(p.dict)?.[1] ?? ''),
  }
}

/** `pdftotext -layout` output, or null when poppler-utils is not installed. */
export function pdftotext(pdf: Buffer): string | null {
  const dir = mkdtempSync(path.join(tmpdir(), 'yx-pdftotext-'))
  try {
    const file = path.join(dir, 'record.pdf')
    writeFileSync(file, pdf)
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
