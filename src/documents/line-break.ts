/** The line break a file uses, for a line a fix adds: CRLF if any line ends so, else LF. */
export function lineBreakOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
