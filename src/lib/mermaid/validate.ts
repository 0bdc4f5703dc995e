/**
 * Syntax checking with mermaid's own parser, so a diagram that would not draw fails the build
 * with the line it breaks on.
 */
import './purify-shim.ts';
import mermaid from 'mermaid';
import { readDiagramSource } from './source.ts';

export interface DiagramProblem {
  /** 1-based line within the Mermaid block. */
  line: number;
  message: string;
  fix: string;
}

/** Turns the parser's message into one readable sentence. */
export function describeParseError(message: string): string {
  const expecting = /Expecting (.+), got '([^']+)'/.exec(message);
  if (expecting) {
    const options = expecting[1]!.split(', ').map((o) => o.replace(/'/g, ''));
    const shown = options.slice(0, 6).join(', ') + (options.length > 6 ? ', …' : '');
    return `unexpected ${expecting[2]} (the parser expected one of: ${shown}).`;
  }
  const lexical = /Lexical error on line \d+\. (.+)/.exec(message);
  if (lexical) return `${lexical[1]!.split('\n')[0]}.`;
  return (message.split('\n').find((l) => l.trim() && !l.startsWith('...') && !/^-+\^/.test(l)) ?? message).trim();
}

/** Every problem with one Mermaid block: syntax, and a missing caption or text alternative. */
export async function checkDiagram(source: string): Promise<DiagramProblem[]> {
  const problems: DiagramProblem[] = [];
  const read = readDiagramSource(source);
  if (!read.title) {
    problems.push({
      line: 1,
      message: 'The diagram has no caption.',
      fix: 'Add a line "accTitle: <caption>" after the diagram type; it becomes the figure caption.',
    });
  }
  if (!read.description) {
    problems.push({
      line: 1,
      message: 'The diagram has no text alternative.',
      fix: 'Add a line "accDescr: <what the diagram shows, in a sentence or two>" after accTitle.',
    });
  }
  try {
    await mermaid.parse(source);
  } catch (error) {
    const err = error as { message?: string; hash?: { loc?: { first_line?: number }; line?: number } };
    const message = err.message ?? String(error);
    const reported = /line (\d+)/i.exec(message)?.[1];
    const line = err.hash?.loc?.first_line ?? (reported ? Number(reported) : undefined) ?? 1;
    const detail =
      message.includes('No diagram type detected') || message.includes('UnknownDiagramError')
        ? `Unknown diagram type "${read.type}".`
        : `Mermaid cannot parse this line: ${describeParseError(message)}`;
    problems.push({
      line,
      message: detail,
      fix: "Fix the Mermaid syntax on that line; paste the block into mermaid.live to see the parser's view.",
    });
  }
  return problems;
}
