import zlib from "node:zlib";

/**
 * Small real files for the attachment tests, made in memory: the smallest valid PDF and PNG, and ZIP
 * archives built byte by byte, so a test can also write what no honest zip tool would (sizes that
 * lie, entries that share bytes).
 */

export const pdf = () =>
  Buffer.from(
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj " +
      "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  );

export const png = () =>
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
    "base64",
  );

export type ZipEntry = {
  name: string;
  data: Buffer;
  /** Stored instead of deflated. */
  store?: boolean;
  /** Declare this uncompressed size instead of the real one. */
  declaredSize?: number;
};

export function zip(entries: readonly ZipEntry[], options: { overlap?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  let firstOffset = 0;
  entries.forEach((entry, index) => {
    const name = Buffer.from(entry.name, "utf8");
    const body = entry.store ? entry.data : zlib.deflateRawSync(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const crc = zlib.crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    // Overlapping: every later entry's directory record points at the first entry's bytes.
    const at = options.overlap && index > 0 ? firstOffset : offset;
    if (index === 0) firstOffset = offset;
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.store ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(at, 42);
    if (!(options.overlap && index > 0)) {
      locals.push(local, name, body);
      offset += local.length + name.length + body.length;
    }
    centrals.push(central, name);
  });
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const contentTypes = (main: string) =>
  Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${main}"/></Types>`,
  );

/** A minimal Word document: enough structure for the sniffer (and for Word to open it). */
export const docx = (body = "谐波减速器试验报告") =>
  zip([
    {
      name: "[Content_Types].xml",
      data: contentTypes("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
    },
    {
      name: "word/document.xml",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${body}</w:t></w:r></w:p></w:body></w:document>`,
      ),
    },
  ]);

/** A macro-enabled Word document (.docm) made to look like a .docx. */
export const docm = () =>
  zip([
    {
      name: "[Content_Types].xml",
      data: contentTypes("application/vnd.ms-word.document.macroEnabled.main+xml"),
    },
    { name: "word/document.xml", data: Buffer.from("<w:document/>") },
    { name: "word/vbaProject.bin", data: Buffer.from("macro") },
  ]);

/** 50 MB of zeros in one entry: deflates to about 50 KB, a ratio of about 1000. */
export const zipBomb = () =>
  zip([
    { name: "[Content_Types].xml", data: contentTypes("x") },
    { name: "word/document.xml", data: Buffer.alloc(50 * 1024 * 1024) },
  ]);

/** Declares 1 KB but inflates to 10 MB: the header lies. */
export const lyingZip = () =>
  zip([
    { name: "[Content_Types].xml", data: contentTypes("x") },
    { name: "word/document.xml", data: Buffer.alloc(10 * 1024 * 1024), declaredSize: 1024 },
  ]);

/** Many directory entries sharing one entry's bytes (the non-recursive bomb). */
export const overlappingZip = () =>
  zip(
    [
      { name: "[Content_Types].xml", data: contentTypes("x") },
      ...Array.from({ length: 20 }, (_, i) => ({ name: `word/part${i}.xml`, data: Buffer.from("x") })),
    ],
    { overlap: true },
  );
