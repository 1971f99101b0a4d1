// Small built-in lists for Indonesian buyers and addresses. They are data (what a real export contains),
// not user-facing text, so they live here rather than in src/core/text.

// biome-ignore format: a data table reads best packed
export const FIRST_NAMES = [
  'Siti', 'Dewi', 'Rina', 'Putri', 'Ayu', 'Nur', 'Sri', 'Indah', 'Fitri', 'Wulan', 'Rizka', 'Nadia',
  'Anisa', 'Dian', 'Lestari', 'Maya', 'Yuni', 'Ratna', 'Intan', 'Novi', 'Nabila', 'Salsa', 'Citra',
  'Kartika', 'Mega', 'Budi', 'Agus', 'Andi', 'Rizky', 'Dimas', 'Fajar', 'Hendra', 'Joko', 'Eko', 'Bayu',
  'Arif', 'Yoga', 'Ilham', 'Wahyu', 'Reza', 'Teguh', 'Gilang', 'Farhan', 'Aditya', 'Taufik',
] as const;

// biome-ignore format: a data table reads best packed
export const LAST_NAMES = [
  'Rahma', 'Lestari', 'Wulandari', 'Saputra', 'Pratama', 'Hidayat', 'Kusuma', 'Santoso', 'Setiawan',
  'Nugroho', 'Permata', 'Handayani', 'Maharani', 'Purnama', 'Siregar', 'Nasution', 'Sihombing', 'Wijaya',
  'Gunawan', 'Susanti', 'Rahayu', 'Kurniawan', 'Firmansyah', 'Ramadhan', 'Safitri', 'Anggraini', 'Utami',
  'Hakim', 'Syahputra', 'Manurung',
] as const;

/** Handle decorations sellers see on Shopee: "dewiolshop123", "rizky_store88". */
export const HANDLE_SUFFIXES = ['olshop', 'store', 'shop', 'collection', 'official'] as const;

// biome-ignore format: a data table reads best packed
export const STREETS = [
  'Melati', 'Mawar', 'Kenanga', 'Anggrek', 'Flamboyan', 'Cempaka', 'Dahlia', 'Jend. Sudirman',
  'Gatot Subroto', 'Diponegoro', 'Pahlawan', 'Merdeka', 'Kartini', 'Ahmad Yani', 'Hasanuddin', 'Pemuda',
  'Veteran', 'Raya Bogor', 'Nusantara', 'Cendrawasih', 'Rajawali', 'Garuda', 'Kutilang', 'Manggis',
  'Rambutan', 'Durian', 'Bougenville', 'Teratai', 'Pelita', 'Damai', 'Sejahtera', 'Swadaya', 'Masjid',
  'H. Naim', 'Ki Hajar Dewantara', 'Kebon Kacang', 'Cipinang Baru', 'Kaliurang', 'Gajah Mada', 'Imam Bonjol',
] as const;

// biome-ignore format: a data table reads best packed
export const HOUSING = [
  'Griya Asri', 'Bumi Indah', 'Taman Sari Permai', 'Villa Mutiara', 'Citra Garden', 'Graha Harmoni',
  'Puri Anggrek', 'Permata Hijau', 'Pesona Alam', 'Green Residence',
] as const;

/** What buyers type after the street so the courier finds the house. */
// biome-ignore format: a data table reads best packed
export const LANDMARKS = [
  'rumah pagar hitam', 'depan masjid', 'samping warung madura', 'belakang indomaret', 'cat hijau',
  'dekat pos ronda', 'kos putri no 5', 'seberang sekolah', 'toko kelontong', 'titip satpam',
] as const;

// biome-ignore format: a data table reads best packed
export const KELURAHAN = [
  'SUKAMAJU', 'MEKARSARI', 'JATIMULYA', 'CEMPAKA PUTIH', 'MARGAHAYU', 'SUKARAME', 'TANJUNG SARI',
  'SIDOMULYO', 'KARANG ANYAR', 'PURWOSARI', 'SUMBERSARI', 'MULYOREJO', 'KALIBATA', 'PONDOK LABU',
  'SETIABUDI', 'TAMAN SARI', 'BANJARSARI', 'KEDUNG BADAK', 'CIPINANG', 'WIDODAREN', 'GEDONG', 'PANGGUNG',
  'BUMI AYU', 'KEBON JERUK', 'SUKASARI', 'PASIR KALIKI', 'TEGAL REJO', 'KEMIRI MUKA', 'PANDANWANGI',
  'SEMPER BARAT',
] as const;

export interface Place {
  city: string;
  province: string;
  districts: readonly string[];
  /** First two digits of the postal codes of the city. */
  postal: number;
  /** Relative share of buyers (Jabodetabek and Java dominate a typical shop). */
  weight: number;
}

// biome-ignore format: a data table reads best packed
export const PLACES: readonly Place[] = [
  { city: 'KOTA JAKARTA SELATAN', province: 'DKI JAKARTA', districts: ['KEBAYORAN BARU', 'TEBET', 'PASAR MINGGU', 'CILANDAK'], postal: 12, weight: 6 },
  { city: 'KOTA JAKARTA TIMUR', province: 'DKI JAKARTA', districts: ['DUREN SAWIT', 'CAKUNG', 'MATRAMAN', 'KRAMAT JATI'], postal: 13, weight: 6 },
  { city: 'KOTA JAKARTA BARAT', province: 'DKI JAKARTA', districts: ['KEMBANGAN', 'CENGKARENG', 'PALMERAH', 'GROGOL PETAMBURAN'], postal: 11, weight: 5 },
  { city: 'KOTA BEKASI', province: 'JAWA BARAT', districts: ['BEKASI BARAT', 'BEKASI UTARA', 'RAWALUMBU', 'JATIASIH'], postal: 17, weight: 6 },
  { city: 'KAB. BEKASI', province: 'JAWA BARAT', districts: ['CIKARANG UTARA', 'TAMBUN SELATAN', 'CIBITUNG'], postal: 17, weight: 4 },
  { city: 'KOTA DEPOK', province: 'JAWA BARAT', districts: ['BEJI', 'PANCORAN MAS', 'SUKMAJAYA', 'CIMANGGIS'], postal: 16, weight: 4 },
  { city: 'KOTA TANGERANG SELATAN', province: 'BANTEN', districts: ['PAMULANG', 'CIPUTAT', 'SERPONG', 'PONDOK AREN'], postal: 15, weight: 4 },
  { city: 'KAB. TANGERANG', province: 'BANTEN', districts: ['CURUG', 'KELAPA DUA', 'CIKUPA'], postal: 15, weight: 3 },
  { city: 'KOTA BOGOR', province: 'JAWA BARAT', districts: ['BOGOR TENGAH', 'TANAH SAREAL', 'BOGOR BARAT'], postal: 16, weight: 3 },
  { city: 'KOTA BANDUNG', province: 'JAWA BARAT', districts: ['COBLONG', 'CIBEUNYING KALER', 'ANTAPANI', 'BUAHBATU'], postal: 40, weight: 5 },
  { city: 'KOTA SURABAYA', province: 'JAWA TIMUR', districts: ['WONOKROMO', 'RUNGKUT', 'SUKOLILO', 'TEGALSARI'], postal: 60, weight: 5 },
  { city: 'KAB. SIDOARJO', province: 'JAWA TIMUR', districts: ['WARU', 'TAMAN', 'SIDOARJO'], postal: 61, weight: 2 },
  { city: 'KOTA MALANG', province: 'JAWA TIMUR', districts: ['LOWOKWARU', 'KLOJEN', 'BLIMBING'], postal: 65, weight: 2 },
  { city: 'KOTA SEMARANG', province: 'JAWA TENGAH', districts: ['BANYUMANIK', 'TEMBALANG', 'SEMARANG SELATAN'], postal: 50, weight: 3 },
  { city: 'KOTA SURAKARTA', province: 'JAWA TENGAH', districts: ['LAWEYAN', 'BANJARSARI', 'JEBRES'], postal: 57, weight: 2 },
  { city: 'KOTA YOGYAKARTA', province: 'DI YOGYAKARTA', districts: ['GONDOKUSUMAN', 'UMBULHARJO', 'JETIS'], postal: 55, weight: 2 },
  { city: 'KAB. SLEMAN', province: 'DI YOGYAKARTA', districts: ['DEPOK', 'MLATI', 'NGAGLIK'], postal: 55, weight: 2 },
  { city: 'KOTA MEDAN', province: 'SUMATERA UTARA', districts: ['MEDAN BARU', 'MEDAN SUNGGAL', 'MEDAN JOHOR'], postal: 20, weight: 3 },
  { city: 'KOTA PALEMBANG', province: 'SUMATERA SELATAN', districts: ['ILIR BARAT I', 'KEMUNING', 'SUKARAMI'], postal: 30, weight: 2 },
  { city: 'KOTA PEKANBARU', province: 'RIAU', districts: ['TAMPAN', 'BUKIT RAYA', 'MARPOYAN DAMAI'], postal: 28, weight: 1 },
  { city: 'KOTA BANDAR LAMPUNG', province: 'LAMPUNG', districts: ['KEDATON', 'WAY HALIM', 'RAJABASA'], postal: 35, weight: 1 },
  { city: 'KOTA MAKASSAR', province: 'SULAWESI SELATAN', districts: ['PANAKKUKANG', 'RAPPOCINI', 'TAMALANREA'], postal: 90, weight: 2 },
  { city: 'KOTA MANADO', province: 'SULAWESI UTARA', districts: ['WANEA', 'MALALAYANG'], postal: 95, weight: 1 },
  { city: 'KOTA DENPASAR', province: 'BALI', districts: ['DENPASAR SELATAN', 'DENPASAR BARAT'], postal: 80, weight: 1 },
  { city: 'KOTA BALIKPAPAN', province: 'KALIMANTAN TIMUR', districts: ['BALIKPAPAN KOTA', 'BALIKPAPAN UTARA'], postal: 76, weight: 1 },
  { city: 'KOTA PONTIANAK', province: 'KALIMANTAN BARAT', districts: ['PONTIANAK KOTA', 'PONTIANAK SELATAN'], postal: 78, weight: 1 },
];
