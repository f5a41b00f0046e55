/**
 * A web icon set from one image: the image fitted whole on a transparent square, at the sizes
 * browsers and phones ask for, a favicon.ico holding 16, 32 and 48 px, and the web manifest that
 * names the Android icons. Local only: no request.
 */
import { fitToSize } from './fitImage';
import { encodeIco } from './ico';

export interface IconFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

const PNG_ICONS: ReadonlyArray<readonly [name: string, size: number]> = [
  ['favicon-16x16.png', 16],
  ['favicon-32x32.png', 32],
  ['apple-touch-icon.png', 180],
  ['android-chrome-192x192.png', 192],
  ['android-chrome-512x512.png', 512],
];
const ICO_SIZES = [16, 32, 48] as const;

/** The names of every file of a set, in the order they are written. */
export const ICON_SET_FILES: readonly string[] = ['favicon.ico', ...PNG_ICONS.map(([name]) => name), 'site.webmanifest'];

export async function renderIconSet(image: Uint8Array, appName: string): Promise<IconFile[]> {
  const square = (size: number): Promise<Uint8Array> => fitToSize(image, 'png', { width: size, height: size, fit: 'contain' }).then((fitted) => fitted.bytes);
  const pngs = await Promise.all(PNG_ICONS.map(async ([name, size]) => ({ name, bytes: await square(size) })));
  const ico = encodeIco(await Promise.all(ICO_SIZES.map(async (size) => ({ size, png: await square(size) }))));
  const manifest = {
    name: appName,
    short_name: appName,
    icons: [
      { src: '/android-chrome-192x192.png', sizes: '192x192', type: 'image/png' },
      { src: '/android-chrome-512x512.png', sizes: '512x512', type: 'image/png' },
    ],
    theme_color: '#ffffff',
    background_color: '#ffffff',
    display: 'standalone',
  };
  return [
    { name: 'favicon.ico', bytes: ico },
    ...pngs,
    { name: 'site.webmanifest', bytes: new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`) },
  ];
}
