// The little of fontkit (pdfkit's own font engine) the renderer uses: parse a font once per process.
declare module 'fontkit' {
  /** A parsed font; pdfkit accepts it wherever it takes a font source. */
  export interface Font {
    readonly postscriptName: string
    layout(text: string): unknown
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font
}
