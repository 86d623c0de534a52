import { modify, parseTree, printParseErrorCode, type Node, type ParseError, type ParseOptions } from 'jsonc-parser';
import { isArmTemplate, isParametersFile } from './arm-detection.ts';
import type { DocumentFormat, Located, SourceDocument, TextEdit } from '../model/document.ts';
import { JsonMemberIndex, type Found, type MemberSpans } from './json-offsets.ts';
import { jsonTextForms, type JsonTextForms } from './json-text-forms.ts';
import { LineIndex, type Path, type StringRange } from '../model/location.ts';
import { matching, type TextRange } from './decoded-string.ts';
import { decodeJsonString } from './json-string-offsets.ts';
import { valueAt } from './value-at.ts';
import { checkJsonNesting } from './json-nesting.ts';
import { SyntaxProblem } from '../model/syntax-problem.ts';
import { userRecord } from '../model/user-record.ts';
import { lineBreakOf } from './line-break.ts';

const BYTE_ORDER_MARK = '\uFEFF';

/**
 * A JSON or JSONC file. The value comes from JSON.parse where the text is plain JSON (fast); positions
 * are indexed only when something needs a location, which most clean files never do. An ARM template is
 * read as ARM reads it, with comments and line breaks inside strings, in a .json file too.
 */
export class JsonDocument implements SourceDocument {
  private members: JsonMemberIndex | undefined;
  /** Several findings and their fixes often ask for the same path. */
  private readonly found = new Map<string, Found>();
  private lines: LineIndex | undefined;

  private constructor(
    readonly filePath: string,
    readonly text: string,
    readonly format: DocumentFormat,
    readonly value: unknown,
    /** An ARM file's text in the forms the other readers take, when it is not plain JSON. */
    private readonly armForms?: JsonTextForms,
  ) {}

  /**
   * Parses the text, or throws a SyntaxProblem at the first error. A .json file is strict JSON, as
   * `az batch pool create --json-file` reads a pool, unless it is an ARM template or parameters file;
   * `arm: 'always'` reads any shape as ARM would (a file given as a deployment's parameters).
   */
  static parse(filePath: string, rawText: string, format: 'json' | 'jsonc', arm: 'detected' | 'always' = 'detected'): JsonDocument {
    // A byte-order mark becomes a space so that offsets still match the file.
    const text = rawText.startsWith(BYTE_ORDER_MARK) ? ' ' + rawText.slice(1) : rawText;
    checkJsonNesting(text, format === 'json' ? 'JSON' : 'JSONC');
    if (format === 'json') {
      try {
        return new JsonDocument(filePath, text, format, JSON.parse(text));
      } catch {
        // Fall through: the tolerant parser says where and why.
      }
    }
    const options: ParseOptions = { allowTrailingComma: format === 'jsonc', disallowComments: format === 'json' };
    const errors: ParseError[] = [];
    const value = valueOf(text, errors, options);
    if (value !== undefined && errors.length === 0) return new JsonDocument(filePath, text, format, value);
    const asArm = JsonDocument.parseAsArm(filePath, text, format, arm === 'always' ? () => true : isArmFile);
    if (asArm) return asArm;
    throw syntaxProblem(text, errors[0], format === 'json' ? 'JSON' : 'JSONC');
  }

  /** The text read as ARM reads a template; undefined when it is not an ARM file (then the strict reading's error stands). */
  private static parseAsArm(filePath: string, text: string, format: 'json' | 'jsonc', isArm: (value: unknown) => boolean): JsonDocument | undefined {
    const forms = jsonTextForms(text);
    const { flattened, escaped } = forms;
    const options: ParseOptions = { allowTrailingComma: format === 'jsonc' };
    const errors: ParseError[] = [];
    const partial = valueOf(flattened, errors, options);
    if (partial === undefined || !isArm(partial)) return undefined;
    if (errors.length > 0) throw syntaxProblem(text, errors[0], isArmTemplate(partial) ? 'ARM template' : format === 'json' ? 'JSON' : 'JSONC');
    const value = escaped === flattened ? partial : valueOf(escaped, [], options);
    return new JsonDocument(filePath, text, format, value, forms);
  }

  locate(path: Path, part: 'key' | 'value' = 'value', within?: StringRange): Located {
    const { depth, member } = this.find(path);
    const exact = depth === path.length;
    const inside = exact && part === 'value' && within ? this.rangeInString(member.value.offset, path, within) : undefined;
    if (inside) return { location: this.lineIndex().location(inside.offset, inside.length), exact };
    return { location: this.spanOf(member, exact ? part : 'key'), exact };
  }

  /** The characters of the string literal at offset that produce `within` of its value. */
  private rangeInString(offset: number, path: Path, within: StringRange): TextRange | undefined {
    return matching(decodeJsonString(this.text, offset), valueAt(this.value, path))?.rawRange(within);
  }

  setValueEdits(path: Path, value: string | number | boolean): TextEdit[] | undefined {
    const { depth, member } = this.find(path);
    if (depth === path.length) return [{ offset: member.value.offset, length: member.value.length, text: JSON.stringify(value) }];
    const key = path[path.length - 1];
    const parent = depth === path.length - 1 ? member : undefined;
    if (typeof key === 'string' && parent?.lastMember && this.text[parent.value.offset] === '{' && this.format === 'json') {
      return this.appendMemberEdits(parent.lastMember, key, value);
    }
    return this.modifyEdits(path, value);
  }

  /** A member after the last one: the comma right behind its value, and the new member after a comment that ends that line. */
  private appendMemberEdits(last: { keyOffset: number; valueEnd: number }, key: string, value: string | number | boolean): TextEdit[] {
    const member = `${this.memberBreak(last.keyOffset)}${JSON.stringify(key)}: ${JSON.stringify(value)}`;
    const lineEnd = this.endOfTrailingComment(last.valueEnd);
    if (lineEnd === undefined) return [{ offset: last.valueEnd, length: 0, text: `,${member}` }];
    return [
      { offset: last.valueEnd, length: 0, text: ',' },
      { offset: lineEnd, length: 0, text: member },
    ];
  }

  /** Where the line ends when only a comment follows `offset` on it. */
  private endOfTrailingComment(offset: number): number | undefined {
    if (!this.armForms) return undefined;
    const lineEnd = endOfLine(this.text, offset);
    const rest = this.text.slice(offset, lineEnd);
    return rest.trim() !== '' && this.armForms.blanked.slice(offset, lineEnd).trim() === '' ? lineEnd : undefined;
  }

  /** What separates a new member from the one before: a new line at its indentation, or a space on a one-line object. */
  private memberBreak(previousKeyOffset: number): string {
    const lineStart = this.text.lastIndexOf('\n', previousKeyOffset - 1) + 1;
    const indentation = this.text.slice(lineStart, previousKeyOffset);
    if (!/^[ \t]*$/.test(indentation)) return ' ';
    return `${this.text[this.text.indexOf('\n') - 1] === '\r' ? '\r\n' : '\n'}${indentation}`;
  }

  /** jsonc-parser's general edit, for the rarer cases: an empty parent object, a missing parent, JSONC, an ARM template that is not plain JSON. */
  private modifyEdits(path: Path, value: string | number | boolean): TextEdit[] {
    const indentation = detectIndentation(this.text);
    const edits = modify(this.armForms?.flattened ?? this.text, path as (string | number)[], value, {
      formattingOptions: { insertSpaces: indentation !== '\t', tabSize: indentation === '\t' ? 1 : indentation.length, eol: lineBreakOf(this.text) },
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
      this.members ??= new JsonMemberIndex(this.scannableText());
      found = this.members.find(path);
      this.found.set(key, found);
    }
    return found;
  }

  /** The text with comments blanked out (offsets unchanged), which the member scanner reads. */
  private scannableText(): string {
    return this.armForms?.blanked ?? (this.format === 'jsonc' ? jsonTextForms(this.text).blanked : this.text);
  }

  private lineIndex(): LineIndex {
    this.lines ??= new LineIndex(this.text);
    return this.lines;
  }
}

/** Where the line holding `offset` ends: at its line break, or the end of the text. */
function endOfLine(text: string, offset: number): number {
  const LINE_BREAK = /[\r\n]/g;
  LINE_BREAK.lastIndex = offset;
  return LINE_BREAK.exec(text)?.index ?? text.length;
}

function detectIndentation(text: string): string {
  const match = /\n([ \t]+)\S/.exec(text);
  return match?.[1]?.startsWith('\t') ? '\t' : (match?.[1] ?? '  ');
}

/** What ARM reads leniently: a template, and the parameters file a deployment takes with it. */
function isArmFile(value: unknown): boolean {
  return isArmTemplate(value) || isParametersFile(value);
}

function syntaxProblem(text: string, error: ParseError | undefined, what: string): SyntaxProblem {
  if (!error) return new SyntaxProblem(`invalid ${what}: the file is empty`, 0, 0);
  const code = printParseErrorCode(error.error);
  const lineEnd = error.offset + error.length;
  if (code === 'UnexpectedEndOfString' && /[\r\n]/.test(text[lineEnd] ?? '')) return new SyntaxProblem(`invalid ${what}: ${LINE_BREAK_IN_STRING}`, lineEnd, 1);
  return new SyntaxProblem(`invalid ${what}: ${describeParseError(code)}`, error.offset, error.length);
}

const LINE_BREAK_IN_STRING = 'a line break inside a string (only an ARM template may have one; elsewhere write it as \\n)';

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
  InvalidCommentToken: 'comments are not allowed in JSON (only an ARM template may have them)',
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

/** The text's value, as jsonc-parser reads it, with user keys kept as data (a "__proto__" key is a key). */
function valueOf(text: string, errors: ParseError[], options: ParseOptions): unknown {
  const tree = parseTree(text, errors, options);
  return tree ? nodeValue(tree) : undefined;
}

function nodeValue(node: Node): unknown {
  if (node.type === 'array') return (node.children ?? []).map(nodeValue);
  if (node.type !== 'object') return node.value;
  const value = userRecord();
  for (const [key, member] of (node.children ?? []).map((property) => property.children ?? [])) {
    if (key && member) value[key.value as string] = nodeValue(member);
  }
  return value;
}
