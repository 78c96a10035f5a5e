#!/usr/bin/env node
/**
 * Draws the add-in's icons (icon-16/32/64/80.png): a green rounded square with three white
 * bars, the lowest one red-tinted for "lagging". Plain Node (zlib), no image library; run it
 * again after changing the drawing: `node excel-addin/assets/make-icons.js`.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const GREEN = [0x21, 0x73, 0x46];
const WHITE = [0xff, 0xff, 0xff];
const CORAL = [0xff, 0xc7, 0xce];
const SAMPLES = 4; // supersampling per axis, for smooth edges

/** Colour at a point of the unit square (0…1), or null for transparent. */
function paint(x, y) {
  const r = 0.18;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  // Three bars standing on a base line, heights rising left to right.
  const bars = [
    { left: 0.2, right: 0.36, top: 0.56, color: CORAL },
    { left: 0.42, right: 0.58, top: 0.38, color: WHITE },
    { left: 0.64, right: 0.8, top: 0.2, color: WHITE },
  ];
  for (const bar of bars) if (x >= bar.left && x <= bar.right && y >= bar.top && y <= 0.8) return bar.color;
  return GREEN;
}

function pixels(size) {
  const data = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    data[py * (size * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      let red = 0, green = 0, blue = 0, alpha = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const color = paint((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          if (!color) continue;
          red += color[0];
          green += color[1];
          blue += color[2];
          alpha += 1;
        }
      }
      const offset = py * (size * 4 + 1) + 1 + px * 4;
      const n = SAMPLES * SAMPLES;
      data[offset] = alpha ? Math.round(red / alpha) : 0;
      data[offset + 1] = alpha ? Math.round(green / alpha) : 0;
      data[offset + 2] = alpha ? Math.round(blue / alpha) : 0;
      data[offset + 3] = Math.round((alpha / n) * 255);
    }
  }
  return data;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(pixels(size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 64, 80]) {
  fs.writeFileSync(path.join(__dirname, `icon-${size}.png`), png(size));
}
