// The records' page: A4 portrait, its margins, the type sizes and colours. Pure constants.

export const PAGE = {
  size: 'A4',
  margins: { top: 80, bottom: 92, left: 52, right: 52 },
} as const

export const FONT = { regular: 'record-regular', bold: 'record-bold' } as const

export const TYPE = {
  title: 18,
  subtitle: 10,
  heading: 12,
  body: 10,
  small: 8.5,
  table: 8.5,
  tableSmall: 7.5,
  furniture: 7,
} as const

export const COLOUR = {
  text: '#000000',
  muted: '#555555',
  rule: '#999999',
  tableHeader: '#ececec',
} as const
