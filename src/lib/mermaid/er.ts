/**
 * A reader for Mermaid entity-relationship diagrams, for the phone layout (phone.ts): entities
 * in order of first mention, their attributes (from `ENTITY { type name PK "comment" }`), and
 * the relationships with both cardinalities in words. beautiful-mermaid does not export its ER
 * parser, so this follows Mermaid's grammar for the forms the site uses.
 */
import { labelText } from './labels.ts';
import { withoutClickLines } from './links.ts';
import { withoutAccessibilityLines } from './source.ts';

export interface ErAttribute {
  type: string;
  name: string;
  /** PK, FK, UK, as written. */
  keys: string[];
  comment?: string;
}

export interface ErEntity {
  id: string;
  /** The alias in `ID["Alias"]`, or the id. */
  label: string;
  attributes: ErAttribute[];
}

export interface ErRelationship {
  from: string;
  to: string;
  label: string;
  /** How many `from` entities relate to one `to`, in words ("exactly one"). */
  fromCardinality: string;
  /** How many `to` entities relate to one `from`, in words ("zero or more"). */
  toCardinality: string;
  /** A dashed ("..") line: a non-identifying relationship. */
  identifying: boolean;
}

export interface ErDiagram {
  entities: ErEntity[];
  relationships: ErRelationship[];
}

const CARDINALITY: Record<string, string> = {
  '||': 'exactly one',
  '|o': 'zero or one',
  'o|': 'zero or one',
  '}o': 'zero or more',
  'o{': 'zero or more',
  '}|': 'one or more',
  '|{': 'one or more',
};

// Each pattern's last group is greedy, so it runs to the end of the line without a "$".
const RELATIONSHIP = /^("?[\w-]+"?)\s*(\|\||\|o|o\||\}o|\}\||)\s*(--|\.\.)\s*(\|\||\|o|o\||o\{|\|\{|)\s*("?[\w-]+"?)\s*:\s*(.+)/;
// Mermaid also accepts words for the ends ("one or more", "zero or many"): kept as written.
const WORDY = /^("?[\w-]+"?)\s+(.+?)\s+(to|optionally to)\s+(.+?)\s+("?[\w-]+"?)\s*:\s*(.+)/;

export function parseEr(source: string): ErDiagram {
  const entities: ErEntity[] = [];
  const byId = new Map<string, ErEntity>();
  const ensure = (rawId: string) => {
    // The patterns below allow a quote only at either end of an id.
    const id = rawId.replaceAll('"', '');
    let entity = byId.get(id);
    if (!entity) {
      entity = { id, label: labelText(id), attributes: [] };
      byId.set(id, entity);
      entities.push(entity);
    }
    return entity;
  };
  const relationships: ErRelationship[] = [];
  // Links and the accessible title and description are not part of what the layout shows.
  const lines = withoutClickLines(withoutAccessibilityLines(source)).split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    // Blank lines and %% comments match none of the patterns below: each starts with an id.
    const opening = /^("?[\w-]+"?)(?:\s*\[\s*"?([^"\]]*)"?\s*\])?\s*\{$/.exec(line);
    if (opening) {
      const entity = ensure(opening[1]!);
      if (opening[2]) entity.label = labelText(opening[2]);
      while (i + 1 < lines.length && lines[i + 1]!.trim() !== '}') {
        const attribute = /^(\S+)\s+(\S+)((?:\s+(?:PK|FK|UK)\s*,?)*)\s*(?:"([^"]*)")?$/.exec(lines[++i]!.trim());
        if (attribute) {
          entity.attributes.push({
            type: attribute[1]!,
            name: attribute[2]!,
            keys: attribute[3]!.split(/[\s,]/).filter(Boolean),
            ...(attribute[4] ? { comment: labelText(attribute[4]) } : {}),
          });
        }
      }
      i++;
      continue;
    }
    const relation = RELATIONSHIP.exec(line);
    if (relation) {
      const [, from, left, dash, right, to, label] = relation as unknown as string[];
      relationships.push({
        from: ensure(from!).id,
        to: ensure(to!).id,
        label: labelText(label!),
        fromCardinality: CARDINALITY[left!] ?? 'exactly one',
        toCardinality: CARDINALITY[right!] ?? 'exactly one',
        identifying: dash === '--',
      });
      continue;
    }
    const wordy = WORDY.exec(line);
    if (wordy) {
      const [, from, left, joint, right, to, label] = wordy as unknown as string[];
      relationships.push({
        from: ensure(from!).id,
        to: ensure(to!).id,
        label: labelText(label!),
        fromCardinality: left!,
        toCardinality: right!,
        identifying: joint === 'to',
      });
      continue;
    }
    const lone = /^("?[\w-]+"?)$/.exec(line);
    if (lone) ensure(lone[1]!);
  }
  return { entities, relationships };
}
