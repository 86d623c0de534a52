import type { DocumentFormat, Located, SourceDocument, TextEdit } from '../model/document.ts';
import { LineIndex, type Path, type StringRange } from '../model/location.ts';

/**
 * A file that holds one bare autoscale formula, read as an autoscale pool with that formula: the rules that
 * check formulas run on it as on a pool's, and a range inside the formula is the same range of the file.
 */
export class FormulaDocument implements SourceDocument {
  readonly format: DocumentFormat = 'autoscale';
  readonly value: { enableAutoScale: true; autoScaleFormula: string };
  private readonly lines: LineIndex;

  constructor(
    readonly filePath: string,
    readonly text: string,
  ) {
    this.value = { enableAutoScale: true, autoScaleFormula: text };
    this.lines = new LineIndex(text);
  }

  locate(path: Path, _part?: 'key' | 'value', within?: StringRange): Located {
    if (path[0] !== 'autoScaleFormula') return { location: this.lines.location(0, 0), exact: false };
    const range = within ?? { offset: 0, length: this.text.length };
    return { location: this.lines.location(range.offset, range.length), exact: true };
  }

  setValueEdits(): TextEdit[] | undefined {
    return undefined;
  }
}
