// The zone table: vmmap's MALLOC ZONE table, live. One row per malloc zone plus a total.

import type { HeapSnapshot, ZoneRow } from '../src/protocol/snapshot';
import { formatBytes, formatCount } from '../src/protocol/format';
import { el } from './dom';
import { text } from './strings';

export class ZoneTableView {
  readonly element: HTMLElement;
  private readonly body: HTMLTableSectionElement;
  private readonly foot: HTMLTableSectionElement;
  private readonly empty: HTMLElement;

  constructor() {
    this.element = el('div', 'zones');
    const table = el('table', 'zone-table');
    const head = el('thead');
    const headRow = el('tr');
    text.zoneColumns.forEach((label, index) => headRow.append(el('th', index >= 2 ? 'num' : undefined, label)));
    head.append(headRow);
    this.body = el('tbody');
    this.foot = el('tfoot');
    table.append(head, this.body, this.foot);
    this.empty = el('p', 'muted', text.noZones);
    this.element.append(table, this.empty);
  }

  update(snapshot: HeapSnapshot): void {
    this.body.replaceChildren(...snapshot.zones.map((zone) => this.row(zone)));
    this.empty.hidden = snapshot.zones.length > 0;
    this.foot.replaceChildren();
    if (snapshot.zones.length > 1) {
      this.foot.append(this.row(totalOf(snapshot.zones)));
    }
  }

  private row(zone: ZoneRow): HTMLTableRowElement {
    const row = el('tr');
    row.dataset.zone = zone.zoneName;
    const cells: [string, string | undefined, string][] = [
      [zone.zoneName, 'name', ''],
      [zone.kinds.join(', '), undefined, ''],
      [formatCount(zone.allocationCount), 'num', `${zone.allocationCount}`],
      [formatBytes(zone.bytesAllocated), 'num', `${zone.bytesAllocated}`],
      [formatCount(zone.regionCount), 'num', `${zone.regionCount}`],
      [formatBytes(zone.virtual), 'num', `${zone.virtual}`],
      [formatBytes(zone.resident), 'num', `${zone.resident}`],
      [formatBytes(zone.dirty), 'num', `${zone.dirty}`],
      [formatBytes(zone.fragmentation), 'num', `${zone.fragmentation}`],
      [`${Math.round(zone.fragmentationPercent)}%`, 'num', ''],
    ];
    for (const [content, className, exact] of cells) {
      const cell = el('td', className, content);
      if (exact !== '') {
        cell.title = exact;
      }
      row.append(cell);
    }
    return row;
  }
}

/** The TOTAL line, with % frag recomputed from the summed figures as vmmap does. */
export function totalOf(zones: readonly ZoneRow[]): ZoneRow {
  const sum = (pick: (z: ZoneRow) => number): number => zones.reduce((acc, z) => acc + pick(z), 0);
  const dirty = sum((z) => z.dirty);
  const swapped = sum((z) => z.swapped);
  const fragmentation = sum((z) => z.fragmentation);
  return {
    zoneName: text.zoneTotal,
    kinds: [],
    allocationCount: sum((z) => z.allocationCount),
    bytesAllocated: sum((z) => z.bytesAllocated),
    regionCount: sum((z) => z.regionCount),
    virtual: sum((z) => z.virtual),
    resident: sum((z) => z.resident),
    dirty,
    swapped,
    fragmentation,
    fragmentationPercent: dirty + swapped > 0 ? (100 * fragmentation) / (dirty + swapped) : 0,
  };
}
