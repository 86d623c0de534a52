import type { Path } from '../../model/location.ts';
import type { SourceContext } from '../../model/source-adapter.ts';

/**
 * Reports template expressions that do not parse as arm-expression findings; a string two pools share
 * (a variable both use) is one problem, reported once.
 */
export function expressionProblemReporter(context: SourceContext): (path: Path, message: string) => void {
  const reported = new Set<string>();
  return (path, message) => {
    const key = path.join('\u0000');
    if (reported.has(key)) return;
    reported.add(key);
    context.problem('arm-expression', path, message);
  };
}
