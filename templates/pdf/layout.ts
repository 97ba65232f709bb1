// The vocabulary of record layouts: templates/pdf/<record>.ts turns a record's input into these blocks
// (what the record says, in order); the renderer decides how they look. Pure data.

/** What a layout knows of the record beyond its input. */
export interface LayoutMeta {
  readonly recordId: string
  readonly certified: CertifiedEvent
}

export interface Column {
  readonly header: string
  /** A relative width: the columns share the text width in proportion. */
  readonly weight: number
  readonly align?: 'left' | 'right' | 'center'
}

export type Block =
  /** The record's name, centred at the top of its first page. */
  | { readonly kind: 'title'; readonly text: string; readonly subtitle?: string }
  | { readonly kind: 'heading'; readonly text: string }
  /** Label and value pairs, one per line. */
  | { readonly kind: 'fields'; readonly rows: readonly (readonly [label: string, value: string])[] }
  | { readonly kind: 'paragraph'; readonly text: string; readonly small?: boolean; readonly indent?: boolean }
  /** A table whose header row repeats on every page it runs onto. */
  | {
      readonly kind: 'table'
      readonly columns: readonly Column[]
      readonly rows: readonly (readonly string[])[]
      /** Printed instead of an empty table. */
      readonly empty: string
      readonly small?: boolean
    }
  /** Right-aligned lines, e.g. a letter's sender and date. */
  | { readonly kind: 'closing'; readonly lines: readonly string[] }
  | { readonly kind: 'spacer'; readonly lines: number }

export interface RecordLayout {
  /** The record's Chinese name (e.g. 开标记录), also the PDF's title. */
  readonly name: string
  readonly blocks: readonly Block[]
}

import type { CertifiedEvent } from './record-kinds.ts'
