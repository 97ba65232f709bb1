// A data table: a caption saying what it lists, column headers with scope="col", the first cell of each
// row a row header (scope="row"). On a narrow screen each row becomes a card whose cells carry their
// column's name (data-label); the explicit roles keep it a table for screen readers when CSS restyles it.
import { type HtmlValue, html, type SafeHtml } from '../html.ts'

export interface Column<Row> {
  readonly header: string
  readonly cell: (row: Row) => HtmlValue
  readonly numeric?: boolean
}

export interface TableOptions<Row> {
  readonly caption: string
  readonly columns: readonly Column<Row>[]
  readonly rows: readonly Row[]
  /** The first column names the row (scope="row"); true unless said otherwise. */
  readonly rowHeaders?: boolean
}

export function dataTable<Row>(options: TableOptions<Row>): SafeHtml {
  const rowHeaders = options.rowHeaders ?? true
  const numeric = (column: Column<Row>) => (column.numeric ? html` class="numeric"` : html``)
  const head = options.columns.map(
    (column) => html`<th scope="col" role="columnheader"${numeric(column)}>${column.header}</th>`,
  )
  const body = options.rows.map(
    (row) =>
      html`<tr role="row">${options.columns.map((column, index) =>
        index === 0 && rowHeaders
          ? html`<th scope="row" role="rowheader"${numeric(column)}>${column.cell(row)}</th>`
          : html`<td role="cell" data-label="${column.header}"${numeric(column)}>${column.cell(row)}</td>`,
      )}</tr>`,
  )
  return html`<table class="data-table" role="table">
  <caption>${options.caption}</caption>
  <thead role="rowgroup"><tr role="row">${head}</tr></thead>
  <tbody role="rowgroup">${body}</tbody>
</table>`
}
