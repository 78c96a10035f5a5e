/**
 * Why a file could not be read or written, in words a user can act on: Node's own text is
 * English and, for writes, names the temporary file. One mapping for reading and writing.
 */
import { errorText } from '../core/text';

export type FileAccess = 'read' | 'write';

export function fileErrorReason(error: unknown, access: FileAccess): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return access === 'read' ? 'нет прав на чтение файла' : 'нет прав на запись в эту папку';
    case 'EROFS':
      return 'диск или папка открыты только для чтения';
    case 'ENOSPC':
      return 'на диске не осталось места';
    case 'EISDIR':
      return access === 'read' ? 'это папка, а не файл' : 'по этому пути уже есть папка';
    case 'ENOTDIR':
    case 'EEXIST': // from mkdir: a file stands where a folder of the path should be
      return 'часть пути — файл, а не папка';
    case 'ENOENT':
      return access === 'read' ? 'файла нет' : 'папки по этому пути нет';
    case 'EBUSY':
      return 'файл занят другой программой (закройте его, например в Excel)';
    default:
      return errorText(error);
  }
}

export const writeReason = (error: unknown): string => fileErrorReason(error, 'write');
export const readReason = (error: unknown): string => fileErrorReason(error, 'read');
