/**
 * What a zip holds, read from its central directory (names only, nothing is unpacked). An
 * .xlsx, an .xlsb, an OpenDocument .ods and any other zip all start with the same «PK» bytes;
 * their entries tell them apart, so the user hears «формат .ods не поддерживается» rather than
 * «в книге нет ни одного листа».
 */

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/** Entry names (without a leading «/»), or null when the directory cannot be read (a damaged or zip64 file). */
export function zipEntryNames(bytes: Buffer): string[] | null {
  const lowest = Math.max(0, bytes.length - END_RECORD_SIZE - MAX_COMMENT);
  let end = -1;
  for (let at = bytes.length - END_RECORD_SIZE; at >= lowest; at--) {
    if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (at + 46 + nameLength > bytes.length) return null;
    names.push(bytes.toString('utf8', at + 46, at + 46 + nameLength).replace(/^\//, ''));
    at += 46 + nameLength + skip;
  }
  return names;
}

/**
 * OpenDocument keeps its type as the first entry, «mimetype», stored uncompressed, so the
 * text is right there near the start of the file.
 */
export function isOpenDocumentSpreadsheet(bytes: Buffer): boolean {
  return bytes.subarray(0, 200).includes('application/vnd.oasis.opendocument.spreadsheet');
}
