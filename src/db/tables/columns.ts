// Column types the table files share: timestamps (read as Date, written as Date or ISO text) and
// JSON columns (read parsed, written as text).
import type { ColumnType, JSONColumnType } from 'kysely'

export type Timestamp = ColumnType<Date, Date | string, Date | string>
export type Json<T extends object> = JSONColumnType<T, string, string>
