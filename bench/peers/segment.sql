-- RFM segments of a Shopee (Indonesia) order export in DuckDB SQL: what an analyst would write instead of
-- Kenali, implementing the same rules (SPEC "Segmentation", core's exports.ts, status.ts, rfm.ts) for the
-- columns a Shopee export has. Bench peer only (bench/peers/README.md), run by bench/peers/duckdb.mjs, which
-- fills in {{path}}, {{out}}, {{today}} and {{zone}} as SQL string literals.
-- OUT: one row per scored customer, sorted by buyer_key (bench/peers.ts compares it with Kenali's).

-- JavaScript's String.prototype.trim strips every Unicode white space (DuckDB's trim only spaces); trim with
-- a set of characters is slow, so it runs only on a value that starts or ends with one.
CREATE MACRO js_trim(s) AS CASE WHEN regexp_matches(s, '^[\s\x{0b}\p{Z}\x{feff}]|[\s\x{0b}\p{Z}\x{feff}]$')
  THEN trim(s, chr(32) || chr(9) || chr(10) || chr(13) || chr(11) || chr(12) || chr(160) || chr(5760) ||
    chr(8192) || chr(8193) || chr(8194) || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8199) ||
    chr(8200) || chr(8201) || chr(8202) || chr(8232) || chr(8233) || chr(8239) || chr(8287) || chr(12288) ||
    chr(65279))
  ELSE s END;
CREATE MACRO money(s) AS CASE
  WHEN regexp_full_match(js_trim(s), '(?i)(rp\.?\s*)?([1-9][0-9]{0,2}(\.[0-9]{3})+|[0-9]+)')
  THEN CAST(replace(regexp_replace(js_trim(s), '(?i)^rp\.?\s*', ''), '.', '') AS DOUBLE) END;
-- status.ts normalise(): invisible characters, case, runs of white space, '_' and '-', spaces around '/'.
CREATE MACRO normalise(s) AS js_trim(regexp_replace(regexp_replace(lower(regexp_replace(s,
  '[\x{00ad}\x{061c}\x{180e}\x{200b}-\x{200f}\x{202a}-\x{202e}\x{2060}-\x{2064}\x{2066}-\x{206f}\x{feff}]', '', 'g')),
  '[\s_-]+', ' ', 'g'), ' ?/ ?', '/', 'g'));

-- File order is the rowid of a materialised table (a parallel scan's row_number() is not file order).
-- Empty cells are NULL to read_csv: '' as a spreadsheet has them.
CREATE TABLE lines AS SELECT
  coalesce("No. Pesanan", '') AS sn_raw, coalesce("Status Pesanan", '') AS status_raw,
  coalesce("Status Pembatalan/ Pengembalian", '') AS ret_raw, coalesce("Username (Pembeli)", '') AS user_raw,
  coalesce("Alamat Pengiriman", '') AS addr, coalesce("Waktu Pesanan Dibuat", '') AS created_raw,
  coalesce("Total Pembayaran", '') AS total_raw, coalesce("Jumlah", '') AS qty_raw,
  coalesce("Harga Setelah Diskon", '') AS price_raw
FROM read_csv({{path}}, all_varchar = true, header = true, delim = ',', quote = '"', escape = '"');

-- An order with an unreadable line is withheld as a whole; otherwise its last line wins.
CREATE TABLE last_lines AS
SELECT max(rid) AS rid FROM (
  SELECT rowid AS rid, js_trim(sn_raw) AS sn,
    js_trim(user_raw) = '' OR try_strptime(js_trim(created_raw), '%Y-%m-%d %H:%M') IS NULL
      OR money(total_raw) IS NULL OR NOT regexp_full_match(qty_raw, '\s*0*[1-9][0-9]*\s*')
      OR NOT (regexp_full_match(price_raw, '\s*') OR money(price_raw) IS NOT NULL) AS bad
  FROM lines)
WHERE sn <> '' GROUP BY sn HAVING NOT bool_or(bad);

CREATE TABLE orders AS
SELECT js_trim(sn_raw) AS sn, js_trim(user_raw) AS username, js_trim(addr) AS addr_trim,
  js_trim(status_raw) AS status, js_trim(ret_raw) AS ret,
  strptime(js_trim(created_raw), '%Y-%m-%d %H:%M') AS wall, money(total_raw) AS total
FROM last_lines JOIN lines ON lines.rowid = last_lines.rid;

-- status.ts: the stages that do not count (names and prefixes) and the return values that record a return.
CREATE TABLE not_counted(name VARCHAR);
INSERT INTO not_counted SELECT unnest(string_split(
  'belum bayar|belum dibayar|menunggu pembayaran|menunggu bayar|unpaid|awaiting payment|pending payment|' ||
  'waiting payment|waiting for payment|not paid|batal|dibatalkan|pesanan dibatalkan|pembatalan|cancelled|' ||
  'canceled|cancel|cancellation|in cancel|pengembalian|pengembalian dana|pengembalian barang|' ||
  'pengembalian dana/barang|dikembalikan|pesanan dikembalikan|paket dikembalikan|retur|to return|return|' ||
  'returned|package returned|returned to seller|shipped back|shipped back success|refund|refunded|' ||
  'return/refund|failed|failed delivery|delivery failed|pengiriman gagal|gagal dikirim|gagal kirim', '|'));
CREATE TABLE known_counted(name VARCHAR);
INSERT INTO known_counted SELECT unnest(string_split(
  'perlu dikirim|akan dikirim|siap dikirim|siap kirim|perlu diproses|sedang dikemas|dikemas|diproses|' ||
  'sedang diproses|pesanan diproses|telah diproses|pesanan baru|menunggu konfirmasi|menunggu diproses|' ||
  'menunggu pengiriman|menunggu dikirim|menunggu kurir|menunggu pickup|menunggu pengambilan|to ship|' ||
  'awaiting shipment|awaiting collection|ready to ship|ready to ship pending|packed|pending|processing|' ||
  'in process|on hold|dikirim|sedang dikirim|telah dikirim|sudah dikirim|pesanan dikirim|dalam pengiriman|' ||
  'dalam perjalanan|sedang diantar|shipped|shipping|in transit|out for delivery|partially shipping|' ||
  'partially shipped|to receive|delivered|terkirim|diterima|sudah diterima|telah diterima|pesanan diterima|' ||
  'pesanan tiba|tiba di tujuan|sampai di tujuan|sampai tujuan|selesai|pesanan selesai|completed|complete|' ||
  'done|finished|confirmed', '|'));
CREATE TABLE return_accepted(name VARCHAR);
INSERT INTO return_accepted SELECT unnest(string_split(
  'permintaan disetujui|disetujui|pengembalian disetujui|pengembalian dana disetujui|pengembalian berhasil|' ||
  'pengembalian dana berhasil|pengembalian selesai|pengembalian dana selesai|dana dikembalikan|' ||
  'dana telah dikembalikan|pengembalian dana|pengembalian barang/dana|pengembalian dana/barang|' ||
  'pengembalian barang dan dana|pengembalian/pengembalian dana|request approved|approved|accepted|' ||
  'return approved|refund approved|refund paid|refunded|refund completed|refund successful|return completed|' ||
  'return/refund|return and refund|return refund|refund only|return|refund', '|'));

CREATE TABLE pairs AS
SELECT status, ret,
  NOT (normalise(status) IN (SELECT name FROM not_counted)
    OR (normalise(status) NOT IN (SELECT name FROM known_counted)
      AND regexp_matches(normalise(status), '^(dibatalkan|batal|pesanan dibatalkan|pembatalan|cancel|pengembalian|dikembalikan|return|refund|retur)'))
    OR (ret <> '' AND normalise(ret) IN (SELECT name FROM return_accepted))) AS counted
FROM (SELECT DISTINCT status, ret FROM orders);

CREATE TABLE digests AS SELECT addr_trim, sha1(addr_trim) AS digest FROM (SELECT DISTINCT addr_trim FROM orders);

CREATE TABLE customer_orders AS
SELECT o.username || '|' || d.digest AS key, o.sn, o.username, o.addr_trim,
  epoch_ms(timezone({{zone}}, o.wall)) AS ms, o.wall, CAST(epoch_ms(o.wall) // 86400000 AS BIGINT) AS day,
  o.total, p.counted
FROM orders o JOIN pairs p USING (status, ret) JOIN digests d USING (addr_trim);

-- The run date's local day; the customer's address: the trimmed address of its newest order of any status
-- (same instant: the greater order number).
CREATE TABLE run AS SELECT CAST(epoch_ms(CAST({{today}} AS DATE)::TIMESTAMP) // 86400000 AS BIGINT) AS day;
CREATE TABLE newest AS
  SELECT key, arg_max(username, (ms, sn)) AS username, arg_max(addr_trim, (ms, sn)) AS addr_trim
  FROM customer_orders GROUP BY key;

CREATE TABLE metrics AS
SELECT key, count(*) AS frequency, sum(total) AS monetary, min(wall) AS first_wall, max(wall) AS last_wall,
  (SELECT day FROM run) - max(day) AS recency
FROM customer_orders WHERE counted AND day <= (SELECT day FROM run) GROUP BY key;

-- score = 1 + floor(5 * below / N), below = customers with a strictly worse value (rank() - 1).
CREATE TABLE scored AS
SELECT *, CAST(r AS VARCHAR) || CAST(f AS VARCHAR) || CAST(m AS VARCHAR) AS rfm FROM (
  SELECT *,
    1 + (5 * (rank() OVER (ORDER BY recency DESC) - 1)) // count(*) OVER () AS r,
    1 + (5 * (rank() OVER (ORDER BY frequency) - 1)) // count(*) OVER () AS f,
    1 + (5 * (rank() OVER (ORDER BY monetary) - 1)) // count(*) OVER () AS m
  FROM metrics);

-- rfm.ts: the SPEC's segment table, with the Indonesian labels.
CREATE TABLE segments(label VARCHAR, codes VARCHAR);
INSERT INTO segments VALUES
  ('Juara', '555 554 544 545 454 455 445'),
  ('Pelanggan Setia', '543 444 435 355 354 345 344 335'),
  ('Potensial', '553 551 552 541 542 533 532 531 452 451 442 441 431 453 433 432 423 353 352 351 342 341 333 323'),
  ('Pelanggan Baru', '512 511 422 421 412 411 311'),
  ('Menjanjikan', '525 524 523 522 521 515 514 513 425 424 413 414 415 315 314 313'),
  ('Butuh Perhatian', '535 534 443 434 343 334 325 324'),
  ('Hampir Tidur', '331 321 312 221 213'),
  ('Berisiko', '255 254 245 244 253 252 243 242 235 234 225 224 153 152 145 143 142 135 134 133 125 124'),
  ('Jangan Sampai Hilang', '155 154 144 214 215 115 114 113'),
  ('Hibernasi', '332 322 231 241 251 233 232 223 222 132 123 122 212 211'),
  ('Hilang', '111 112 121 131 141 151');
CREATE TABLE labels AS SELECT unnest(string_split(codes, ' ')) AS rfm, label FROM segments;

COPY (
  SELECT s.key AS buyer_key, n.username AS buyer_username, n.addr_trim AS address_full,
    strftime(s.first_wall, '%Y-%m-%d %H:%M') AS first_order_at, strftime(s.last_wall, '%Y-%m-%d %H:%M') AS last_order_at,
    s.recency AS recency_days, s.frequency,
    CASE WHEN s.monetary = floor(s.monetary) THEN CAST(CAST(s.monetary AS BIGINT) AS VARCHAR) ELSE CAST(s.monetary AS VARCHAR) END AS monetary,
    s.r, s.f, s.m, s.rfm, l.label AS segment
  FROM scored s JOIN newest n USING (key) JOIN labels l USING (rfm)
  ORDER BY s.key
) TO {{out}} (HEADER, DELIMITER ',');
