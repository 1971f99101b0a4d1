"""RFM segments of a Shopee (Indonesia) order export with pandas: what an analyst would write instead of
Kenali, implementing the same rules (SPEC "Segmentation", core's exports.ts, status.ts, rfm.ts) for the
columns a Shopee export has. Bench peer only (bench/peers/README.md); not part of the product.

usage: /usr/bin/python3 segment_pandas.py EXPORT.csv OUT.csv YYYY-MM-DD [IANA zone]
OUT.csv: one row per scored customer, sorted by buyer_key (bench/peers.ts compares it with Kenali's).
"""

import hashlib
import json
import os
import re
import resource
import sys
import unicodedata
from datetime import datetime

import numpy as np
import pandas as pd

COLUMNS = {
    "sn": "No. Pesanan",
    "status": "Status Pesanan",
    "ret": "Status Pembatalan/ Pengembalian",
    "user": "Username (Pembeli)",
    "addr": "Alamat Pengiriman",
    "created": "Waktu Pesanan Dibuat",
    "total": "Total Pembayaran",
    "qty": "Jumlah",
    "price": "Harga Setelah Diskon",
}

# status.ts: the stages that do not count, their prefixes, and the return values that record a return.
NOT_COUNTED = {
    "unpaid": "belum bayar|belum dibayar|menunggu pembayaran|menunggu bayar|unpaid|awaiting payment|"
    "pending payment|waiting payment|waiting for payment|not paid",
    "cancelled": "batal|dibatalkan|pesanan dibatalkan|pembatalan|cancelled|canceled|cancel|cancellation|"
    "in cancel",
    "returned": "pengembalian|pengembalian dana|pengembalian barang|pengembalian dana/barang|dikembalikan|"
    "pesanan dikembalikan|paket dikembalikan|retur|to return|return|returned|package returned|"
    "returned to seller|shipped back|shipped back success|refund|refunded|return/refund|failed|"
    "failed delivery|delivery failed|pengiriman gagal|gagal dikirim|gagal kirim",
}
KNOWN_COUNTED = (
    "perlu dikirim|akan dikirim|siap dikirim|siap kirim|perlu diproses|sedang dikemas|dikemas|diproses|"
    "sedang diproses|pesanan diproses|telah diproses|pesanan baru|menunggu konfirmasi|menunggu diproses|"
    "menunggu pengiriman|menunggu dikirim|menunggu kurir|menunggu pickup|menunggu pengambilan|to ship|"
    "awaiting shipment|awaiting collection|ready to ship|ready to ship pending|packed|pending|processing|"
    "in process|on hold|dikirim|sedang dikirim|telah dikirim|sudah dikirim|pesanan dikirim|"
    "dalam pengiriman|dalam perjalanan|sedang diantar|shipped|shipping|in transit|out for delivery|"
    "partially shipping|partially shipped|to receive|delivered|terkirim|diterima|sudah diterima|"
    "telah diterima|pesanan diterima|pesanan tiba|tiba di tujuan|sampai di tujuan|sampai tujuan|selesai|"
    "pesanan selesai|completed|complete|done|finished|confirmed"
)
PREFIXES = ["dibatalkan", "batal", "pesanan dibatalkan", "pembatalan", "cancel",
            "pengembalian", "dikembalikan", "return", "refund", "retur"]
RETURN_ACCEPTED = set(
    "permintaan disetujui|disetujui|pengembalian disetujui|pengembalian dana disetujui|"
    "pengembalian berhasil|pengembalian dana berhasil|pengembalian selesai|pengembalian dana selesai|"
    "dana dikembalikan|dana telah dikembalikan|pengembalian dana|pengembalian barang/dana|"
    "pengembalian dana/barang|pengembalian barang dan dana|pengembalian/pengembalian dana|request approved|"
    "approved|accepted|return approved|refund approved|refund paid|refunded|refund completed|"
    "refund successful|return completed|return/refund|return and refund|return refund|refund only|return|"
    "refund".split("|")
)
STAGE = {s: stage for stage, names in NOT_COUNTED.items() for s in names.split("|")}
STAGE.update({s: "counted" for s in KNOWN_COUNTED.split("|")})
INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")

# rfm.ts: the SPEC's segment table, in its order, with the Indonesian labels.
SEGMENTS = [
    ("Juara", "555 554 544 545 454 455 445"),
    ("Pelanggan Setia", "543 444 435 355 354 345 344 335"),
    ("Potensial", "553 551 552 541 542 533 532 531 452 451 442 441 431 453 433 432 423 353 352 351 342 341 "
     "333 323"),
    ("Pelanggan Baru", "512 511 422 421 412 411 311"),
    ("Menjanjikan", "525 524 523 522 521 515 514 513 425 424 413 414 415 315 314 313"),
    ("Butuh Perhatian", "535 534 443 434 343 334 325 324"),
    ("Hampir Tidur", "331 321 312 221 213"),
    ("Berisiko", "255 254 245 244 253 252 243 242 235 234 225 224 153 152 145 143 142 135 134 133 125 124"),
    ("Jangan Sampai Hilang", "155 154 144 214 215 115 114 113"),
    ("Hibernasi", "332 322 231 241 251 233 232 223 222 132 123 122 212 211"),
    ("Hilang", "111 112 121 131 141 151"),
]
LABEL = {code: label for label, codes in SEGMENTS for code in codes.split()}


def normalise(s):
    s = INVISIBLE.sub("", unicodedata.normalize("NFKC", s)).lower()
    return re.sub(r" ?/ ?", "/", re.sub(r"[\s_-]+", " ", s)).strip()


def counted(status, ret):
    n = normalise(status)
    stage = STAGE.get(n) or next((("cancelled" if i < 5 else "returned") for i, p in enumerate(PREFIXES)
                                  if n.startswith(p)), None)
    if stage in ("unpaid", "cancelled", "returned"):
        return False
    return ret == "" or normalise(ret) not in RETURN_ACCEPTED


MONEY = re.compile(r"^(?:rp\.?\s*)?([1-9]\d{0,2}(?:\.\d{3})+|\d+)$", re.I)


def money(s):
    m = MONEY.match(s.strip())
    return float(m.group(1).replace(".", "")) if m else np.nan


def distinct(column, clean=None):
    """Codes per row and the distinct values, cleaned (an order's cells repeat on each of its lines, and a
    shop has few statuses: each distinct text is worked on once)."""
    codes, uniques = pd.factorize(column)
    if clean is None:
        return codes, np.asarray(uniques, dtype=object)
    cleaned = clean(pd.Series(uniques, dtype=object))
    codes2, uniques2 = pd.factorize(cleaned)
    return codes2[codes], np.asarray(uniques2, dtype=object)


def strip(s):
    return s.str.strip()


def main(path, out, today, zone="Asia/Jakarta"):
    df = pd.read_csv(path, usecols=list(COLUMNS.values()), dtype=str, keep_default_na=False,
                     na_filter=False, engine="c", encoding="utf-8")
    df = df.rename(columns={v: k for k, v in COLUMNS.items()})
    n = len(df)

    sn, sns = distinct(df["sn"], strip)
    user, users = distinct(df["user"], strip)
    created, createds = distinct(df["created"], strip)
    # Local wall time → epoch ms, and the local wall time itself (for days and the output).
    wall = pd.to_datetime(pd.Series(createds), format="%Y-%m-%d %H:%M", errors="coerce")
    epoch = wall.dt.tz_localize(zone, ambiguous="NaT", nonexistent="NaT")
    created_ok = epoch.notna().to_numpy()
    created_ms = np.where(created_ok, epoch.astype("int64") // 1_000_000, 0)
    wall_ms = np.where(created_ok, wall.astype("int64") // 1_000_000, 0)
    total, totals = distinct(df["total"])
    total_v = np.asarray([money(t) for t in totals], dtype=float)
    qty, qtys = distinct(df["qty"])
    qty_ok = pd.Series(qtys, dtype=object).str.strip().str.fullmatch(r"0*[1-9]\d*").to_numpy()
    price, prices = distinct(df["price"])
    price_ok = np.asarray([p.strip() == "" or not np.isnan(money(p)) for p in prices])

    # An order with an unreadable line is withheld as a whole; otherwise its last line wins.
    bad = (users[user] == "") | ~created_ok[created] | np.isnan(total_v[total]) | ~qty_ok[qty] | ~price_ok[price]
    has_sn = sns[sn] != ""
    withheld = np.zeros(len(sns), dtype=bool)
    withheld[sn[bad & has_sn]] = True
    first_from_end = np.unique(sn[::-1], return_index=True)[1]
    last_row = (n - 1) - first_from_end
    last_row = last_row[has_sn[last_row] & ~withheld[sn[last_row]]]

    status, statuses = distinct(df["status"].to_numpy()[last_row], strip)
    ret, rets = distinct(df["ret"].to_numpy()[last_row], strip)
    pairs = pd.DataFrame({"s": status, "r": ret}).drop_duplicates()
    pairs["counted"] = [counted(statuses[a], rets[b]) for a, b in zip(pairs["s"], pairs["r"])]
    is_counted = pd.DataFrame({"s": status, "r": ret}).merge(pairs, how="left")["counted"].to_numpy()

    addr, addrs = distinct(df["addr"].to_numpy()[last_row], strip)
    digests = np.asarray([hashlib.sha1(a.encode("utf-8", "surrogatepass")).hexdigest() for a in addrs],
                         dtype=object)
    o_user = users[user[last_row]]
    orders = pd.DataFrame({
        "key": o_user + "|" + digests[addr],
        "sn": sns[sn[last_row]],
        "user": o_user,
        "addr": addrs[addr],
        "ms": created_ms[created[last_row]],
        "wall": wall_ms[created[last_row]],
        "total": total_v[total[last_row]],
        "counted": is_counted,
    })
    orders["day"] = orders["wall"] // 86_400_000
    run_day = (datetime.strptime(today, "%Y-%m-%d") - datetime(1970, 1, 1)).days

    # The customer's address: the trimmed address of the newest order of any status (same instant: the
    # greater order number).
    newest = orders.sort_values(["ms", "sn"]).drop_duplicates("key", keep="last").set_index("key")

    scored = orders[orders["counted"] & (orders["day"] <= run_day)]
    g = scored.groupby("key", sort=True).agg(
        frequency=("sn", "size"), monetary=("total", "sum"), first=("ms", "min"), first_wall=("wall", "min"),
        last_wall=("wall", "max"), last_day=("day", "max"))
    g["recency"] = (run_day - g["last_day"]).astype(np.int64)
    count = len(g)

    def score(values):
        below = values.rank(method="min").astype(np.int64) - 1  # how many are strictly worse
        return 1 + (5 * below) // count

    g["r"] = score(-g["recency"])
    g["f"] = score(g["frequency"])
    g["m"] = score(g["monetary"])
    rfm = g["r"].astype(str) + g["f"].astype(str) + g["m"].astype(str)

    def local_text(ms):
        text = np.datetime_as_string(ms.to_numpy().astype("datetime64[ms]"), unit="m")
        return np.char.replace(text, "T", " ")

    m = g["monetary"]
    pd.DataFrame({
        "buyer_key": g.index,
        "buyer_username": newest["user"].reindex(g.index).to_numpy(),
        "address_full": newest["addr"].reindex(g.index).to_numpy(),
        "first_order_at": local_text(g["first_wall"]),
        "last_order_at": local_text(g["last_wall"]),
        "recency_days": g["recency"],
        "frequency": g["frequency"],
        "monetary": np.where(m == np.floor(m), m.astype(np.int64).astype(str), m.astype(str)),
        "r": g["r"],
        "f": g["f"],
        "m": g["m"],
        "rfm": rfm,
        "segment": rfm.map(LABEL),
    }).to_csv(out, index=False)


if __name__ == "__main__":
    main(*sys.argv[1:])
    target = os.environ.get("BENCH_RUSAGE_FILE")
    if target:
        u = resource.getrusage(resource.RUSAGE_SELF)
        with open(target, "w") as f:
            json.dump({"maxRss": u.ru_maxrss * 1024, "userMs": u.ru_utime * 1000, "systemMs": u.ru_stime * 1000}, f)
