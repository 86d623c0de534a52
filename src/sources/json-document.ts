import { findNodeAtLocation, getNodeValue, modify, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { DocumentFormat, Located, SourceDocument, TextEdit } from './document.ts';
import { LineIndex, type Path } from './location.ts';
import { SyntaxProblem } from './syntax-problem.ts';

const BYTE_ORDER_MARK = '\uFEFF';

/**
 * A JSON or JSONC file. The value comes from JSON.parse where the text is plain JSON (fast); the
 * positional tree is built only when something needs a location, which most clean files never do.
 */
export class JsonDocument implements SourceDocument {
  readonly format: DocumentFormat;
  readonly value: unknown;
  private tree: Node | undefined;
  private lines: LineIndex | undefined;

  private constructor(readonly filePath: string, readonly text: string, format: DocumentFormat, value: unknown, tree?: Node) {
    this.format = format;
    this.value = value;
    this.tree = tree;
  }

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
    const tree = parseTree(text, errors, { allowTrailingComma: format === 'jsonc', disallowComments: format === 'json' });
    const first = errors[0];
    if (first || !tree) {
      const offset = first?.offset ?? 0;
      const what = first ? describeParseError(printParseErrorCode(first.error)) : 'the file is empty';
      throw new SyntaxProblem(`invalid ${format === 'json' ? 'JSON' : 'JSONC'}: ${what}`, offset, first?.length ?? 0);
    }
    const document = new JsonDocument(filePath, text, format, undefined, tree);
    return document.withValue(getNodeValue(tree));
  }

  private withValue(value: unknown): JsonDocument {
    return new JsonDocument(this.filePath, this.text, this.format, value, this.tree);
  }

  locate(path: Path, part: 'key' | 'value' = 'value'): Located {
    const root = this.root();
    for (let depth = path.length; depth >= 0; depth--) {
      const node = findNodeAtLocation(root, path.slice(0, depth) as (string | number)[]);
      if (!node) continue;
      const exact = depth === path.length;
      return { location: this.spanOf(node, exact ? part : 'key'), exact };
    }
    return { location: this.lineIndex().location(root.offset, 1), exact: false };
  }

  setValueEdits(path: Path, value: string | number | boolean): TextEdit[] | undefined {
    const indentation = detectIndentation(this.text);
    const edits = modify(this.text, path as (string | number)[], value, {
      formattingOptions: { insertSpaces: indentation !== '\t', tabSize: indentation === '\t' ? 1 : indentation.length, eol: this.text.includes('\r\n') ? '\r\n' : '\n' },
    });
    return edits.map((edit) => ({ offset: edit.offset, length: edit.length, text: edit.content }));
  }

  /** The key of a property when asked for, or when an ancestor stands in for a missing child; else the value. */
  private spanOf(node: Node, part: 'key' | 'value') {
    const property = node.parent?.type === 'property' ? node.parent : undefined;
    const keyNode = property?.children?.[0];
    if (part === 'key' && keyNode) return this.lineIndex().location(keyNode.offset, keyNode.length);
    if (part === 'key' && (node.type === 'object' || node.type === 'array')) return this.lineIndex().location(node.offset, 1);
    return this.lineIndex().location(node.offset, node.length);
  }

  private root(): Node {
    this.tree ??= parseTree(this.text, [], { allowTrailingComma: true })!;
    return this.tree;
  }

  private lineIndex(): LineIndex {
    this.lines ??= new LineIndex(this.text);
    return this.lines;
  }
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
