#!/usr/bin/env node
// Draws media/icon.png (256×256): a heap map — rows of blocks in use, free and cached inside a
// region — under a magnifying lens. Plain pixels written as PNG with zlib, so the icon can be
// regenerated without any image tool: `node scripts/make-icon.js`.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZE = 256;
const SUPER = 4; // samples per pixel side, for smooth edges

const rgb = (hex) => [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)];
const BACKGROUND = rgb('#1e2433');
const REGION = rgb('#2c3447');
const IN_USE = rgb('#4fa3f7');
const FREE = rgb('#3a4358');
const CACHED = rgb('#f2b33d');
const LENS = rgb('#e8ecf4');

// Each row of the heap map: block widths in quanta and their state (u in use, f free, c cached).
const ROWS = [
  [[3, 'u'], [2, 'u'], [1, 'f'], [4, 'u'], [2, 'c']],
  [[2, 'u'], [2, 'f'], [3, 'u'], [1, 'u'], [4, 'u']],
  [[5, 'u'], [1, 'c'], [2, 'u'], [2, 'f'], [2, 'u']],
  [[1, 'u'], [3, 'u'], [4, 'f'], [2, 'u'], [2, 'c']],
  [[4, 'u'], [2, 'u'], [2, 'u'], [3, 'f'], [1, 'u']],
];
const COLOURS = { u: IN_USE, f: FREE, c: CACHED };

function roundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

// The colour at a point, painter's order: later shapes cover earlier ones; undefined = transparent.
function colourAt(x, y) {
  let colour;
  if (roundedRect(x, y, 8, 8, 248, 248, 44)) colour = BACKGROUND;
  if (roundedRect(x, y, 32, 40, 224, 196, 10)) colour = REGION;
  const quantum = 176 / 12;
  ROWS.forEach((row, r) => {
    let q = 0;
    const y0 = 50 + r * 28.5;
    for (const [width, state] of row) {
      const x0 = 40 + q * quantum;
      if (roundedRect(x, y, x0 + 1.5, y0, x0 + width * quantum - 1.5, y0 + 22, 4)) colour = COLOURS[state];
      q += width;
    }
  });
  // The lens: a ring over the lower right of the map, and its handle.
  const lx = 166, ly = 150, outer = 50, inner = 40;
  const d = Math.hypot(x - lx, y - ly);
  if (d <= outer && d >= inner) colour = LENS;
  const hx = x - lx, hy = y - ly; // handle along the diagonal, 12 px wide
  const along = (hx + hy) / Math.SQRT2, across = (hx - hy) / Math.SQRT2;
  if (along >= outer - 2 && along <= outer + 46 && Math.abs(across) <= 9) colour = LENS;
  return colour;
}

function pixels() {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let py = 0; py < SIZE; py++) {
    raw[py * (SIZE * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < SIZE; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SUPER; sy++) {
        for (let sx = 0; sx < SUPER; sx++) {
          const c = colourAt(px + (sx + 0.5) / SUPER, py + (sy + 0.5) / SUPER);
          if (c) { r += c[0]; g += c[1]; b += c[2]; a += 1; }
        }
      }
      const o = py * (SIZE * 4 + 1) + 1 + px * 4;
      const n = SUPER * SUPER;
      if (a > 0) { raw[o] = Math.round(r / a); raw[o + 1] = Math.round(g / a); raw[o + 2] = Math.round(b / a); }
      raw[o + 3] = Math.round((a / n) * 255);
    }
  }
  return raw;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4); length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0); header.writeUInt32BE(SIZE, 4);
header[8] = 8; header[9] = 6; // 8-bit RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(pixels(), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = path.join(__dirname, '..', 'media', 'icon.png');
fs.writeFileSync(out, png);
console.log(`${path.relative(process.cwd(), out)}: ${png.length} bytes`);
