// The CJK font records are set in: Noto Sans SC (SIL Open Font License 1.1) from the npm package
// @expo-google-fonts/noto-sans-sc, TrueType so that pdfkit embeds a small subset of it. Each weight is
// read and parsed once per process (parsing the 10 MB file for every record would cost ~30 ms).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { create, type Font } from 'fontkit'

const require = createRequire(import.meta.url)

const FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const

export type FontWeight = keyof typeof FILES

const parsed = new Map<FontWeight, Font>()

export function recordFont(weight: FontWeight): Font {
  let font = parsed.get(weight)
  if (font === undefined) {
    font = create(readFileSync(require.resolve(FILES[weight])))
    parsed.set(weight, font)
  }
  return font
}
