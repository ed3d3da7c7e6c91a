// Placeholder until media sniffing lands.
export function sniffMedia(bytes: Uint8Array): { kind: 'image' | 'audio'; mime: string } | null {
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return { kind: 'image', mime: 'image/png' };
  if (bytes[0] === 0x49 && bytes[1] === 0x44 && bytes[2] === 0x33) return { kind: 'audio', mime: 'audio/mpeg' };
  return null;
}
export function safeMediaName(name: string): string | null {
  return /^[^/\\.][^/\\]*$/.test(name) && !name.includes('..') ? name : null;
}
