// A decompression bomb in a share link: 6 MB of one byte deflates to a few kilobytes, past the
// 5 MB a link may unpack to. Both inflaters (fflate's and the platform's) must stop it.
import { deflateSync } from 'fflate';
import { toBase64Url } from '../../src/share/bytes';

export function bombLink(): string {
  const bomb = deflateSync(new Uint8Array(6 * 1024 * 1024).fill(32), { level: 9 });
  // The compressed length as three LEB128 bytes, then a checksum of zeros.
  const header = [(bomb.length % 128) | 128, (Math.floor(bomb.length / 128) % 128) | 128, bomb.length >> 14];
  const bytes = new Uint8Array([...header, 0, 0, 0, 0, ...bomb]);
  return `d=1${toBase64Url(bytes)}`;
}
