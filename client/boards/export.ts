/** Exports of what this person sees: the board as SVG or PNG, the cards as CSV. */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A standalone SVG of the board's content, cropped to what is drawn. */
export function boardSvg(canvas: SVGSVGElement): { svg: string; width: number; height: number } {
  const content = canvas.querySelector('.board-content') as SVGGElement;
  const box = content.getBBox();
  const pad = 24;
  const width = Math.max(1, Math.ceil(box.width + 2 * pad));
  const height = Math.max(1, Math.ceil(box.height + 2 * pad));
  const out = document.createElementNS(SVG_NS, 'svg');
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('viewBox', `${box.x - pad} ${box.y - pad} ${width} ${height}`);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height));
  const defs = canvas.querySelector('defs');
  if (defs) out.appendChild(defs.cloneNode(true));
  const bg = document.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of Object.entries({ x: box.x - pad, y: box.y - pad, width, height, fill: '#ffffff' }))
    bg.setAttribute(k, String(v));
  out.appendChild(bg);
  out.appendChild(content.cloneNode(true));
  return { svg: new XMLSerializer().serializeToString(out), width, height };
}

export async function boardPng(canvas: SVGSVGElement): Promise<Blob> {
  const { svg, width, height } = boardSvg(canvas);
  const scale = Math.min(2, 4096 / Math.max(width, height));
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('could not render the board'));
      img.src = url;
    });
    const c = document.createElement('canvas');
    c.width = Math.round(width * scale);
    c.height = Math.round(height * scale);
    const g = c.getContext('2d')!;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, c.width, c.height);
    g.drawImage(img, 0, 0, c.width, c.height);
    return await new Promise<Blob>((resolve, reject) =>
      c.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function download(name: string, data: Blob | string, type = 'application/octet-stream') {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 5000);
}

/** Shrinks a picked image to a JPEG data URL under `maxChars` (photos from phones are huge). */
export async function imageDataUrl(
  file: File,
  maxChars: number,
): Promise<{ src: string; w: number; h: number } | null> {
  const bitmap = await createImageBitmap(file);
  for (const [side, quality] of [
    [1600, 0.85],
    [1200, 0.8],
    [900, 0.75],
    [640, 0.7],
    [400, 0.6],
  ] as const) {
    const scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
    const c = document.createElement('canvas');
    c.width = Math.max(1, Math.round(bitmap.width * scale));
    c.height = Math.max(1, Math.round(bitmap.height * scale));
    c.getContext('2d')!.drawImage(bitmap, 0, 0, c.width, c.height);
    const src = c.toDataURL('image/jpeg', quality);
    if (src.length <= maxChars) return { src, w: c.width, h: c.height };
  }
  return null;
}
