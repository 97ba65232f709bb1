// Log serializers for the bid routes: a bid's content, ciphertext or JWE never reaches a log line, even
// at trace level or when a body fails to parse (a JSON syntax error quotes the text it choked on).
interface LoggedRequest {
  readonly method?: string
  readonly url?: string
  readonly host?: string
  readonly ip?: string
}

interface LoggedError {
  readonly name?: string
  readonly code?: string
  readonly statusCode?: number
  readonly message?: string
  readonly stack?: string
}

const WITHHELD = '[withheld: bid routes never log request bodies]'

/** Errors from reading the body may quote it; every other error message is the server's own words. */
const mayQuoteBody = (err: LoggedError) =>
  err.name === 'SyntaxError' || (typeof err.code === 'string' && err.code.startsWith('FST_ERR_CTP_'))

export const sealedLogSerializers = {
  req: (req: LoggedRequest) => ({ method: req.method, url: req.url, host: req.host, remoteAddress: req.ip }),
  body: () => WITHHELD,
  err: (err: LoggedError) => ({
    type: err.name,
    code: err.code,
    statusCode: err.statusCode,
    message: mayQuoteBody(err) ? WITHHELD : err.message,
    stack: mayQuoteBody(err) ? undefined : err.stack,
  }),
}
