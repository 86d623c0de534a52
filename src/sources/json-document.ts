import { createScanner, modify, parse, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { DocumentFormat, Located, SourceDocument, TextEdit } from './document.ts';
import { findMember, type Found, type MemberSpans } from './json-offsets.ts';
import { LineIndex, type Path } from './location.ts';
import { SyntaxProblem } from './syntax-problem.ts';

const BYTE_ORDER_MARK = '\uFEFF';

/**
 * A JSON or JSONC file. The value comes from JSON.parse where the text is plain JSON (fast); positions
 * are indexed only when something needs a location, which most clean files never do.
 */
export class JsonDocument implements SourceDocument {
  private scannable: string | undefined;
  /** Several findings and their fixes often ask for the same path. */
  private readonly found = new Map<string, Found>();
  private lines: LineIndex | undefined;

  private constructor(
    readonly filePath: string,
    readonly text: string,
    readonly format: DocumentFormat,
    readonly value: unknown,
  ) {}

  /** Parses the text, or throws a SyntaxProblem at the first error. */
  static parse(filePath: string, rawText: string, format: 'json' | 'jsonc'): JsonDocument {
    // A byte-order mark becomes a space so that offsets still match the file.
    const text = rawText.startsWith(BYTE_ORDER_MARK) ? ' ' + rawText.slice(1) : rawText;
    if (format === 'json') {
      try {
        return new JsonDocument(filePath, text, format, JSON.parse(text));
      } catch {
        // Fall through: the tolerant parser says where and why.
      }
    }
    const errors: ParseError[] = [];
    const options = { allowTrailingComma: format === 'jsonc', disallowComments: format === 'json' };
    const tree = parseTree(text, errors, options);
    const first = errors[0];
    if (first || !tree) {
      const what = first ? describeParseError(printParseErrorCode(first.error)) : 'the file is empty';
      throw new SyntaxProblem(`invalid ${format === 'json' ? 'JSON' : 'JSONC'}: ${what}`, first?.offset ?? 0, first?.length ?? 0);
    }
    return new JsonDocument(filePath, text, format, parse(text, [], options));
  }

  locate(path: Path, part: 'key' | 'value' = 'value'): Located {
    const { depth, member } = this.find(path);
    const exact = depth === path.length;
    return { location: this.spanOf(member, exact ? part : 'key'), exact };
  }

  setValueEdits(path: Path, value: string | number | boolean): TextEdit[] | undefined {
    const { depth, member } = this.find(path);
    if (depth === path.length) return [{ offset: member.value.offset, length: member.value.length, text: JSON.stringify(value) }];
    const key = path[path.length - 1];
    const parent = depth === path.length - 1 ? member : undefined;
    if (typeof key === 'string' && parent?.lastMember && this.text[parent.value.offset] === '{' && this.format === 'json') {
      return [{ offset: parent.lastMember.valueEnd, length: 0, text: `,${this.memberBreak(parent.lastMember.keyOffset)}${JSON.stringify(key)}: ${JSON.stringify(value)}` }];
    }
    return this.modifyEdits(path, value);
  }

  /** What separates a new member from the one before: a new line at its indentation, or a space on a one-line object. */
  private memberBreak(previousKeyOffset: number): string {
    const lineStart = this.text.lastIndexOf('\n', previousKeyOffset - 1) + 1;
    const indentation = this.text.slice(lineStart, previousKeyOffset);
    if (!/^[ \t]*$/.test(indentation)) return ' ';
    return `${this.text[this.text.indexOf('\n') - 1] === '\r' ? '\r\n' : '\n'}${indentation}`;
  }

  /** jsonc-parser's general edit, for the rarer cases: an empty parent object, a missing parent, JSONC. */
  private modifyEdits(path: Path, value: string | number | boolean): TextEdit[] {
    const indentation = detectIndentation(this.text);
    const edits = modify(this.text, path as (string | number)[], value, {
      formattingOptions: { insertSpaces: indentation !== '\t', tabSize: indentation === '\t' ? 1 : indentation.length, eol: this.text.includes('\r\n') ? '\r\n' : '\n' },
    });
    return edits.map((edit) => ({ offset: edit.offset, length: edit.length, text: edit.content }));
  }

  /** The key of a member when asked for, or when an ancestor stands in for a missing child; else the value. */
  private spanOf(entry: MemberSpans, part: 'key' | 'value') {
    if (part === 'key' && entry.key) return this.lineIndex().location(entry.key.offset, entry.key.length);
    const opening = this.text[entry.value.offset];
    if (part === 'key' && (opening === '{' || opening === '[')) return this.lineIndex().location(entry.value.offset, 1);
    return this.lineIndex().location(entry.value.offset, entry.value.length);
  }

  private find(path: Path): Found {
    const key = path.join('\u0000');
    let found = this.found.get(key);
    if (!found) {
      found = findMember(this.scannableText(), path);
      this.found.set(key, found);
    }
    return found;
  }

  /** The text with JSONC comments blanked out (offsets unchanged), which the member scanner reads. */
  private scannableText(): string {
    this.scannable ??= this.format === 'jsonc' ? blankComments(this.text) : this.text;
    return this.scannable;
  }

  private lineIndex(): LineIndex {
    this.lines ??= new LineIndex(this.text);
    return this.lines;
  }
}

/** jsonc-parser's SyntaxKind values (a const enum, which this build cannot import). */
const TOKEN = { lineComment: 12, blockComment: 13, endOfFile: 17 };

/**
 * The text with each comment's characters (but not its line breaks) turned into spaces. jsonc-parser's
 * stripComments(text, ' ') cannot serve: it gives back one character more per comment, which shifted every
 * offset after a comment.
 */
function blankComments(text: string): string {
  const scanner = createScanner(text, false);
  let blanked = '';
  let copiedUpTo = 0;
  for (let kind: number = scanner.scan(); kind !== TOKEN.endOfFile; kind = scanner.scan()) {
    if (kind !== TOKEN.lineComment && kind !== TOKEN.blockComment) continue;
    const start = scanner.getTokenOffset();
    const end = start + scanner.getTokenLength();
    blanked += text.slice(copiedUpTo, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ');
    copiedUpTo = end;
  }
  return blanked + text.slice(copiedUpTo);
}

function detectIndentation(text: string): string {
  const match = /\n([ \t]+)\S/.exec(text);
  return match?.[1]?.startsWith('\t') ? '\t' : (match?.[1] ?? '  ');
}

const PARSE_ERROR_TEXT: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'a property name in double quotes is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: 'a colon is expected',
  CommaExpected: 'a comma is expected',
  CloseBraceExpected: 'a closing brace "}" is expected',
  CloseBracketExpected: 'a closing bracket "]" is expected',
  EndOfFileExpected: 'unexpected content after the end of the document',
  InvalidCommentToken: 'comments are not allowed in .json files (name the file .jsonc to use them)',
  UnexpectedEndOfComment: 'a comment is not closed',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut off',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string',
};

function describeParseError(code: string): string {
  return PARSE_ERROR_TEXT[code] ?? code;
}
