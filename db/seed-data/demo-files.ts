import zlib from "node:zlib";

/**
 * Small but valid files for the demo's attachments, made at seed time so the repository carries no
 * binaries: a one-page PDF of plain text and a PNG bar chart. Both come out byte-for-byte the same
 * for the same input, so a checksum written once stays right.
 */

/** A one-page A4 PDF showing `lines` in Helvetica. The built-in fonts cover Latin-1 only: ASCII text, please. */
export function textPdf(lines: string[]): Buffer {
  const text = lines
    .map((line, i) => `BT /F1 ${i === 0 ? 16 : 11} Tf 56 ${780 - i * 22} Td (${pdfString(line)}) Tj ET`)
    .join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${Buffer.byteLength(text, "latin1")} >>\nstream\n${text}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

function pdfString(line: string): string {
  if (!/^[\x20-\x7e]*$/.test(line)) throw new Error(`demo PDF text must be printable ASCII: ${line}`);
  return line.replace(/[\\()]/g, (c) => `\\${c}`);
}

type Rgb = [number, number, number];

/** A PNG bar chart of `values` (0–1), `width` × `height` pixels, bars in `color` on white with a grey axis. */
export function barChartPng(values: number[], color: Rgb, width = 240, height = 140): Buffer {
  const margin = 12;
  const slot = (width - 2 * margin) / values.length;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3, 0xff);
    row[0] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const pixel = pixelAt(x, y);
      row.set(pixel, 1 + x * 3);
    }
    rows.push(row);
  }
  return png(width, height, Buffer.concat(rows));

  function pixelAt(x: number, y: number): Rgb {
    const base = height - margin;
    if (y === base && x >= margin && x < width - margin) return [120, 120, 120];
    if (x === margin && y >= margin && y <= base) return [120, 120, 120];
    const index = Math.floor((x - margin) / slot);
    if (x <= margin || index >= values.length) return [255, 255, 255];
    const inBar = x - margin - index * slot > slot * 0.2 && x - margin - index * slot < slot * 0.8;
    const top = base - Math.round(values[index] * (base - margin));
    return inBar && y >= top && y < base ? color : [255, 255, 255];
  }
}

function png(width: number, height: number, raw: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const typed = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typed), 0);
  return Buffer.concat([length, typed, crc]);
}
