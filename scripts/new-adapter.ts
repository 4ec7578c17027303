// Scaffold a site adapter: one adapter file, its fixture folder (a saved product page stand-in and its cases),
// and its line in the registry. Everything else (hosts, manifest, observer) derives from the adapter.
//
//   npm run new-adapter -- --id <site id> --name "<Display name>" --host <host> [--root <project folder>]
//
// e.g. `npm run new-adapter -- --id dienmayxanh.com --name "Điện Máy Xanh" --host www.dienmayxanh.com`.
// Then: replace the fixture page with a real saved page (strip nothing but the buyer's own data), fill the
// case's expected fields, adjust parseUrl and extract, and run `npx vitest run test/adapters`.
// Exit codes: 0 written · 1 bad arguments or the site exists already.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export interface ScaffoldOptions {
  id: string;
  name: string;
  host: string;
  root: string;
}

const ID = /^[a-z0-9][a-z0-9.-]{1,60}$/;
const HOST = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

/** `dienmayxanh.com` → `dienmayxanhCom`: the adapter's export name. */
export function exportNameFor(id: string): string {
  const words = id.split(/[^a-z0-9]+/).filter(Boolean);
  const name = words.map((word, index) => (index === 0 ? word : word[0]!.toUpperCase() + word.slice(1))).join('');
  return /^[0-9]/.test(name) ? `site${name}` : name;
}

/** `dienmayxanh.com` → `dienmayxanh-com`: file and fixture folder name. */
export function fileNameFor(id: string): string {
  return id.replace(/[^a-z0-9]+/g, '-');
}

function adapterSource({ id, name, host }: ScaffoldOptions, exportName: string): string {
  return `// ${name} (https://${host}/). Scaffolded by scripts/new-adapter.ts: replace the URL shape and the sources below
// with what the site's real pages carry, and keep one fixture case per page variant you meet.
// Sources: url (item id) · json_ld / microdata / opengraph (title, price, images, brand) · dom (h1).
import { addStructured, cardFinder, DEFAULT_ORDER, detectBy, domText, finish, ListingBuilder } from '../common';
import { defineAdapter } from '../define-adapter';
import type { PageContext, SiteAdapter, UrlFacts } from '../types';

function parseUrl(url: URL): UrlFacts {
  // product pages: /<slug>-p<digits>.html (change to the site's own shape)
  const product = /-p(\\d{3,20})\\.html$/.exec(url.pathname);
  if (product) return { kind: 'listing', itemId: product[1] };
  if (url.pathname === '/search' || url.pathname.startsWith('/search/')) return { kind: 'search' };
  return { kind: 'none' };
}

function extract(ctx: PageContext) {
  const urlFacts = parseUrl(ctx.url);
  if (urlFacts.kind !== 'listing') return undefined;
  const b = new ListingBuilder(${exportName}.order);
  b.add('url', 'path -p{id}.html', { itemId: urlFacts.itemId });
  const { stale } = addStructured(b, ctx, ${exportName}, urlFacts);
  const h1 = domText(ctx.document, ['h1']);
  if (h1 && !stale) b.add('dom', 'h1', { title: h1.text });
  return finish(${exportName}, ctx, b, { keep: [], https: true });
}

const findCards = cardFinder(() => ${exportName}, { link: 'a[href$=".html"]', canonical: { keep: [], https: true } });

export const ${exportName}: SiteAdapter = defineAdapter({
  id: ${JSON.stringify(id)},
  name: ${JSON.stringify(name)},
  matches: [${JSON.stringify(`https://${host}/*`)}],
  keyIncludesShop: false,
  order: DEFAULT_ORDER,
  parseUrl,
  detect: (ctx: PageContext) => detectBy(ctx, parseUrl(ctx.url)),
  extract,
  findCards,
});
`;
}

function productPage({ name, host }: ScaffoldOptions): string {
  const product = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: 'Sản phẩm mẫu',
    sku: 'SKU-1',
    image: [`https://${host}/images/mau.jpg`],
    brand: { '@type': 'Brand', name: 'Mẫu' },
    offers: { '@type': 'Offer', price: '199000', priceCurrency: 'VND' },
  };
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Sản phẩm mẫu | ${name}</title>
<!-- A stand-in written by scripts/new-adapter.ts: replace it with a real saved product page of the site. -->
<script type="application/ld+json">${JSON.stringify(product)}</script>
</head>
<body><h1>Sản phẩm mẫu</h1><p class="price">199.000 ₫</p></body>
</html>
`;
}

function casesJson({ id, host }: ScaffoldOptions): string {
  const cases = {
    adapter: id,
    cases: [
      {
        name: 'product page: URL id, JSON-LD (stand-in page: replace with a real saved page)',
        url: `https://${host}/san-pham-mau-p123456.html?utm_source=x`,
        html: 'product.html',
        expect: {
          kind: 'listing',
          fields: { site: id, listingKey: `${id}:123456`, url: `https://${host}/san-pham-mau-p123456.html`, itemId: '123456', title: 'Sản phẩm mẫu', price: 199000, currency: 'VND' },
          provenance: { itemId: 'url', title: 'json_ld', price: 'json_ld' },
        },
      },
      { name: 'a page that is no product', url: `https://${host}/gioi-thieu`, expect: { kind: 'none' } },
    ],
  };
  return `${JSON.stringify(cases, null, 2)}\n`;
}

/** Inserts the import and the registry entry (before the list's closing bracket). */
export function registerIn(registry: string, exportName: string, fileName: string): string {
  const importLine = `import { ${exportName} } from './sites/${fileName}';\n`;
  const lastImport = registry.lastIndexOf("\nimport ");
  if (lastImport < 0) throw new Error('registry.ts: no imports found');
  const afterImports = registry.indexOf('\n', lastImport + 1) + 1;
  let next = registry.slice(0, afterImports) + importLine + registry.slice(afterImports);
  const list = /(export const SITE_ADAPTERS: readonly SiteAdapter\[\] = \[)([^\]]*)\]/.exec(next);
  if (!list) throw new Error('registry.ts: SITE_ADAPTERS list not found');
  const entries = list[2]!.trim().replace(/,\s*$/, '');
  next = next.replace(list[0], `${list[1]}${entries ? `${entries}, ` : ''}${exportName}]`);
  return next;
}

/** Writes the adapter, its fixtures and its registry entry; refuses to overwrite anything. Returns the written paths. */
export function scaffoldAdapter(options: ScaffoldOptions): string[] {
  if (!ID.test(options.id)) throw new Error(`--id must be lower-case letters, digits, dots and dashes: ${options.id}`);
  if (!HOST.test(options.host)) throw new Error(`--host must be a host name such as www.example.vn: ${options.host}`);
  if (!options.name.trim()) throw new Error('--name is empty');
  const exportName = exportNameFor(options.id);
  const fileName = fileNameFor(options.id);
  const adapterFile = path.join(options.root, 'utils/adapters/sites', `${fileName}.ts`);
  const fixtureDir = path.join(options.root, 'test/fixtures', fileName);
  const registryFile = path.join(options.root, 'utils/adapters/registry.ts');
  if (fs.existsSync(adapterFile) || fs.existsSync(fixtureDir)) throw new Error(`${options.id} exists already (${path.relative(options.root, adapterFile)})`);
  const registry = registerIn(fs.readFileSync(registryFile, 'utf8'), exportName, fileName);
  fs.mkdirSync(fixtureDir, { recursive: true });
  fs.writeFileSync(adapterFile, adapterSource(options, exportName));
  fs.writeFileSync(path.join(fixtureDir, 'product.html'), productPage(options));
  fs.writeFileSync(path.join(fixtureDir, 'cases.json'), casesJson(options));
  fs.writeFileSync(registryFile, registry);
  return [adapterFile, path.join(fixtureDir, 'product.html'), path.join(fixtureDir, 'cases.json'), registryFile];
}

function main(argv: string[]): number {
  const defaultRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  let values: { id?: string; name?: string; host?: string; root?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { id: { type: 'string' }, name: { type: 'string' }, host: { type: 'string' }, root: { type: 'string' } } }));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
  if (!values.id || !values.name || !values.host) {
    console.error('usage: npm run new-adapter -- --id <site id> --name "<Display name>" --host <host> [--root <project folder>]');
    return 1;
  }
  try {
    const written = scaffoldAdapter({ id: values.id, name: values.name, host: values.host, root: path.resolve(values.root ?? defaultRoot) });
    for (const file of written) console.log(`wrote ${file}`);
    console.log('next: put a real saved page in the fixture folder, fill the case, then npx vitest run test/adapters');
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
