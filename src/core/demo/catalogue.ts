// The demo shop's product catalogue: fashion, household and beauty, as a small Indonesian seller lists
// them. Flattened once into variants whose strings are shared by every row that sells them.

/** [label shown in "Nama Variasi", code used in the SKU, extra price in Rupiah] */
type Option = readonly [label: string, code: string, extra?: number];

interface ProductDef {
  name: string;
  /** "SKU Induk"; '' when the seller never set one (real shops have such listings). */
  sku: string;
  price: number;
  grams: number;
  /** First variation axis (colour, motif, scent…). */
  a?: readonly Option[];
  /** Second axis (size). */
  b?: readonly Option[];
  /** The seller filled the parent SKU but no per-variation SKU ("Nomor Referensi SKU" stays blank). */
  noVariantSku?: true;
}

const c = (label: string, code: string, extra = 0): Option => [label, code, extra];
const sizes = (...labels: string[]): Option[] =>
  labels.map((l) => [l, l.replace(/[^0-9A-Za-z]/g, ''), l === 'XXL' ? 5000 : 0] as const);

const BLACK = c('Hitam', 'HTM');
const WHITE = c('Putih', 'PTH');
const NAVY = c('Navy', 'NVY');
const GREY = c('Abu-abu', 'ABU');
const MAROON = c('Maroon', 'MRN');
const CREAM = c('Cream', 'CRM');
const BROWN = c('Coklat', 'CKL');
const MOCCA = c('Mocca', 'MCA');
const SAGE = c('Sage', 'SGE');
const PINK = c('Pink', 'PNK');
const BLUE = c('Biru', 'BRU');
const GREEN = c('Hijau', 'HJU');
const RED = c('Merah', 'MRH');

// biome-ignore format: a catalogue reads best one product per line
const PRODUCTS: readonly ProductDef[] = [
  // Fashion
  { name: 'Kaos Polos Cotton Combed 30s Unisex Premium', sku: 'KPC30', price: 35000, grams: 200, a: [BLACK, WHITE, NAVY, GREY, MAROON], b: sizes('S', 'M', 'L', 'XL', 'XXL') },
  { name: 'Kemeja Flanel Pria Lengan Panjang Kotak-Kotak', sku: 'KFL01', price: 89000, grams: 300, a: [RED, BLUE, c('Hijau Army', 'HJA')], b: sizes('M', 'L', 'XL') },
  { name: 'Celana Chino Panjang Pria Slim Fit', sku: 'CCP02', price: 99000, grams: 450, a: [CREAM, BLACK, NAVY, BROWN], b: sizes('28', '30', '32', '34') },
  { name: 'Hijab Segi Empat Voal Motif Premium', sku: 'HSV11', price: 45000, grams: 120, a: [MOCCA, c('Dusty Pink', 'DPK'), SAGE, BLACK, CREAM, c('Lilac', 'LLC')] },
  { name: 'Gamis Wanita Rayon Busui Friendly', sku: 'GRB05', price: 129000, grams: 400, a: [BLACK, NAVY, MOCCA, SAGE], b: sizes('M', 'L', 'XL') },
  { name: 'Celana Kulot Wanita Highwaist Premium', sku: 'CKW07', price: 65000, grams: 300, a: [BLACK, CREAM, MOCCA, GREY], b: sizes('S-M', 'L-XL') },
  { name: 'Jaket Hoodie Polos Fleece Unisex', sku: 'JHP09', price: 119000, grams: 600, a: [BLACK, GREY, NAVY, MAROON], b: sizes('M', 'L', 'XL', 'XXL') },
  { name: 'Kaos Kaki Pendek Sneakers Isi 6 Pasang', sku: 'KKS06', price: 25000, grams: 150, a: [c('Campur', 'MIX'), c('Hitam Semua', 'HTM'), c('Putih Semua', 'PTH')] },
  // A listing that starts with "-": sellers decorate titles like this, and a sheet must never read it as a formula.
  { name: '-PROMO- Sandal Jepit Karet Pria Wanita Anti Slip', sku: 'SJK38', price: 19500, grams: 250, a: [BLACK, BLUE, RED], b: sizes('38', '39', '40', '41', '42', '43') },
  { name: 'Tas Selempang Wanita Mini Kulit Sintetis', sku: 'TSW03', price: 79000, grams: 350, a: [BLACK, CREAM, BROWN] },
  { name: 'Dompet Pria Kulit Lipat Dua', sku: 'DPK01', price: 55000, grams: 150, a: [BLACK, BROWN] },
  { name: 'Topi Baseball Polos Bordir', sku: 'TBP04', price: 30000, grams: 100, a: [BLACK, WHITE, NAVY, CREAM] },
  { name: 'Piyama Setelan Wanita Katun Motif', sku: 'PSW08', price: 85000, grams: 350, a: [c('Motif Beruang', 'BRG'), c('Motif Bunga', 'BNG'), c('Motif Kotak', 'KTK')], b: sizes('M', 'L', 'XL') },
  { name: 'Daster Rayon Jumbo Busui', sku: 'DRJ10', price: 42500, grams: 250, a: [c('Motif Batik', 'BTK'), c('Motif Bunga', 'BNG'), c('Polos Navy', 'NVY')] },
  { name: 'Mukena Dewasa Katun Rayon Travel', sku: 'MKR12', price: 149000, grams: 700, a: [WHITE, MOCCA, SAGE, c('Dusty Pink', 'DPK')] },
  { name: 'Kerudung Bergo Instan Jersey', sku: 'KBJ02', price: 28000, grams: 150, a: [BLACK, MOCCA, NAVY, MAROON, CREAM] },
  // Household
  { name: 'Rak Piring Stainless 2 Susun', sku: 'RPS20', price: 125000, grams: 2500 },
  { name: 'Set Pisau Dapur Stainless 6 in 1', sku: 'SPD06', price: 59000, grams: 800 },
  { name: 'Botol Minum 1 Liter Motivasi BPA Free', sku: 'BMM1L', price: 22000, grams: 250, a: [BLACK, PINK, BLUE, GREEN] },
  { name: 'Lunch Box Bento Sekat 3 Anti Tumpah', sku: 'LBB03', price: 35500, grams: 400, a: [GREEN, PINK, BLUE] },
  { name: 'Gantungan Baju Dewasa Isi 12', sku: 'GBD12', price: 18000, grams: 500, a: [BLACK, WHITE] },
  { name: 'Keset Kaki Microfiber Anti Slip 40x60', sku: 'KMF46', price: 24000, grams: 400, a: [GREY, BROWN, BLUE] },
  { name: 'Sprei Katun Motif Set Sarung Bantal', sku: 'SKM18', price: 139000, grams: 1200, a: [c('Motif Daun', 'DAUN'), c('Motif Kotak', 'KTK'), c('Polos Abu', 'ABU')], b: [c('160x200', '160'), c('180x200', '180', 15000)] },
  { name: 'Lampu LED Bohlam 12 Watt Putih', sku: 'LLB12', price: 15000, grams: 100, a: [c('1 pcs', '1PC'), c('Paket 3 pcs', '3PC', 25000)] },
  { name: 'Wajan Teflon Anti Lengket 24 cm', sku: 'WTA24', price: 89500, grams: 900 },
  { name: 'Toples Kaca Kedap Udara', sku: 'TKK50', price: 16500, grams: 450, a: [c('500 ml', '500'), c('800 ml', '800', 6000), c('1200 ml', '1200', 11000)], noVariantSku: true },
  // No SKU at all: the importer must cope with a blank SKU without calling the row broken.
  { name: 'Sapu Lantai Ijuk Gagang Stainless', sku: '', price: 32000, grams: 1000 },
  { name: 'Tempat Bumbu Dapur Putar 16 Toples', sku: 'TBD16', price: 115000, grams: 1800 },
  // Beauty
  { name: 'Serum Wajah Niacinamide 10% 20 ml', sku: 'SNW20', price: 49000, grams: 80 },
  { name: 'Sunscreen SPF 50 PA++++ 50 ml', sku: 'SSP50', price: 55000, grams: 90 },
  { name: 'Lip Tint Matte Tahan Lama', sku: 'LTM04', price: 27500, grams: 30, a: [c('01 Rosy', '01'), c('02 Peach', '02'), c('03 Brick', '03'), c('04 Berry', '04')] },
  { name: 'Masker Wajah Clay Mask 100 gr', sku: 'MWC10', price: 38000, grams: 150, a: [c('Green Tea', 'GT'), c('Charcoal', 'CH'), c('Rice', 'RC')] },
  { name: 'Sabun Cuci Muka Facial Wash 100 ml', sku: 'SCM10', price: 29000, grams: 130, a: [c('Acne Care', 'AC'), c('Brightening', 'BR')] },
  { name: 'Body Lotion Whitening 250 ml', sku: 'BLW25', price: 35000, grams: 300, a: [c('Sakura', 'SKR'), c('Vanilla', 'VNL'), c('Lavender', 'LVD')] },
  { name: 'Parfum Wanita Eau de Parfum 30 ml', sku: 'PEP30', price: 69000, grams: 120, a: [c('Sweet Vanilla', 'SV'), c('Fresh Citrus', 'FC'), c('Floral Musk', 'FM')] },
  { name: 'Shampoo Anti Ketombe 340 ml', sku: 'SAK34', price: 33500, grams: 380 },
  { name: 'Sisir Rambut Anti Kusut Detangling', sku: 'SRA01', price: 12500, grams: 60, a: [PINK, BLACK] },
  { name: 'Pensil Alis Waterproof 2 in 1', sku: 'PAW02', price: 18500, grams: 20, a: [c('Dark Brown', 'DB'), c('Grey', 'GR'), c('Black', 'BK')] },
  { name: 'Cushion Foundation Cover 15 gr', sku: 'CFC15', price: 79000, grams: 60, a: [c('N10 Ivory', 'N10'), c('N20 Natural', 'N20'), c('N30 Sand', 'N30')] },
  { name: 'Kapas Wajah Isi 100 Lembar', sku: 'KWI10', price: 9500, grams: 60 },
  { name: 'Sikat Gigi Bambu Isi 4', sku: 'SGB04', price: 21000, grams: 80 },
  { name: 'Paket Hampers Skincare Lengkap', sku: 'PHS01', price: 249000, grams: 1100 },
];

/** One sellable variation; its strings are shared by every row that sells it. */
export interface Variant {
  product: number;
  productName: string;
  parentSku: string;
  /** "Hitam, XL"; '' for a product without variations. */
  variationName: string;
  /** "KPC30-HTM-XL"; '' when the seller set none. */
  skuRef: string;
  /** Original unit price ("Harga Awal"), Rupiah. */
  price: number;
  grams: number;
}

function flatten(): { variants: Variant[]; firstVariant: number[]; variantCount: number[] } {
  const variants: Variant[] = [];
  const firstVariant: number[] = [];
  const variantCount: number[] = [];
  PRODUCTS.forEach((p, product) => {
    firstVariant.push(variants.length);
    const axisA: readonly (Option | null)[] = p.a ?? [null];
    const axisB: readonly (Option | null)[] = p.b ?? [null];
    for (const a of axisA) {
      for (const b of axisB) {
        const parts = [a, b].filter((o): o is Option => o !== null);
        const hasVariation = parts.length > 0;
        variants.push({
          product,
          productName: p.name,
          parentSku: p.sku,
          variationName: parts.map((o) => o[0]).join(', '),
          skuRef:
            hasVariation && p.sku && !p.noVariantSku ? [p.sku, ...parts.map((o) => o[1])].join('-') : '',
          price: p.price + parts.reduce((sum, o) => sum + (o[2] ?? 0), 0),
          grams: p.grams,
        });
      }
    }
    variantCount.push(variants.length - firstVariant[product]);
  });
  return { variants, firstVariant, variantCount };
}

export const CATALOGUE = flatten();
export const PRODUCT_COUNT = PRODUCTS.length;
