// Test-only: renders a record in a fresh process (argv: input JSON file, request JSON file, output
// PDF file), so a test can check that the bytes do not depend on the process that made them.
import { readFileSync, writeFileSync } from 'node:fs'
import { recordIdFor } from '../../src/records/record-types.ts'
import { renderRecordPdf } from '../../src/records/render/render-record.ts'

const [inputFile, requestFile, outFile] = process.argv.slice(2) as [string, string, string]
const input = JSON.parse(readFileSync(inputFile, 'utf8'))
const request = JSON.parse(readFileSync(requestFile, 'utf8'))
writeFileSync(outFile, await renderRecordPdf(input, { recordId: recordIdFor(request), request }))
