// A data table: a caption saying what it lists, column headers with scope="col", the first cell of each
// row a row header (scope="row"). On a narrow screen the table scrolls inside a labelled region.
import { html, type HtmlValue, type SafeHtml } from '../html.ts'

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
  const head = options.columns.map((column) => html`<th scope="col"${numeric(column)}>${column.header}</th>`)
  const body = options.rows.map(
    (row) =>
      html`<tr>${options.columns.map((column, index) =>
        index === 0 && rowHeaders
          ? html`<th scope="row"${numeric(column)}>${column.cell(row)}</th>`
          : html`<td${numeric(column)}>${column.cell(row)}</td>`,
      )}</tr>`,
  )
  return html`<div class="table-region" role="region" aria-label="${options.caption}" tabindex="0">
<table>
  <caption>${options.caption}</caption>
  <thead><tr>${head}</tr></thead>
  <tbody>${body}</tbody>
</table>
</div>`
}
