// Which Kreise carry their name on the map all the time: those whose shape has room for it, the
// largest first, none overlapping another. The others show it under the pointer or the keyboard
// focus (SearchMap.vue). Worked out on the server from the paths of nrw-map.json.

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** The bounding box of a path as build-nrw-map.ts writes it: `M x y` then relative `l` steps, `z` closing each ring. */
export function pathBox(d: string): Box {
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const ring of d.split('z')) {
    const [start, steps = ''] = ring.split('l');
    const numbers = (text: string | undefined) => (text?.match(/-?(?:\d+\.?\d*|\.\d+)/g) ?? []).map(Number);
    const [x0, y0] = numbers(start?.slice(1));
    if (x0 === undefined || y0 === undefined) continue;
    let [x, y] = [x0, y0];
    const deltas = numbers(steps);
    for (let i = -2; i < deltas.length; i += 2) {
      if (i >= 0) [x, y] = [x + deltas[i]!, y + deltas[i + 1]!];
      box.minX = Math.min(box.minX, x);
      box.maxX = Math.max(box.maxX, x);
      box.minY = Math.min(box.minY, y);
      box.maxY = Math.max(box.maxY, y);
    }
  }
  return box;
}

/** A name as the map shows it: "Kreis Lippe" and "Städteregion Aachen" by their place alone. */
export const shortName = (name: string) => name.replace(/^(?:Kreis|Städteregion|Rhein-Kreis)\s+/, '');

/** About how wide a bold label is per character and font unit (measured: 0.55–0.62 for these names in sans-serif). */
const CHARACTER_WIDTH = 0.62;

export interface LabelCandidate {
  ags: string;
  text: string;
  x: number;
  y: number;
  box: Box;
}

/**
 * The AGS of the Kreise whose name (at `fontSize`, centred on its label point) fits inside its
 * shape's box with a margin and meets no name placed before; the largest shapes are placed first.
 */
export function placedLabels(candidates: LabelCandidate[], fontSize: number): Set<string> {
  const placed: Box[] = [];
  const chosen = new Set<string>();
  const area = (box: Box) => (box.maxX - box.minX) * (box.maxY - box.minY);
  for (const candidate of [...candidates].sort((a, b) => area(b.box) - area(a.box))) {
    const width = candidate.text.length * fontSize * CHARACTER_WIDTH;
    const height = fontSize * 1.2;
    // Centred on the label point both ways (the map draws it with text-anchor middle and a central baseline).
    const label = { minX: candidate.x - width / 2, maxX: candidate.x + width / 2, minY: candidate.y - height / 2, maxY: candidate.y + height / 2 };
    const { box } = candidate;
    const inside = width <= (box.maxX - box.minX) * 0.8 && height <= (box.maxY - box.minY) * 0.4;
    const free = placed.every((other) => label.maxX < other.minX || label.minX > other.maxX || label.maxY < other.minY || label.minY > other.maxY);
    if (inside && free) {
      placed.push(label);
      chosen.add(candidate.ags);
    }
  }
  return chosen;
}
