#!/usr/bin/env python3
"""Writes a subset of an ICU common data package (the `CmnD` .dat format that ICU links in as `icudtNN_dat`).

    icu-subset.py IN.dat OUT.dat

Kept: every item that is not locale data (normalization, properties, break rules, time zones, plurals, the
`root` locale of each tree, pools and indexes), and the locales `en`, `en_US` and `en_US_POSIX` of every tree.
Left out: the other ~800 locales of every tree, the legacy-charset converters (`*.cnv`; UTF-8, UTF-16/32, ASCII
and Latin-1 are built into ICU's code) and the CJK/Thai/Lao/Khmer/Burmese word dictionaries (`*.dict`). ICU
falls back from a missing locale to its parent and then to `root`, so a locale that is left out formats like
`root` instead of failing. Prints what it kept, as counts and bytes, on standard error.

The format (ICU's ucmndata.h): a data header of `headerSize` bytes, then the table of contents: a count, then
(name offset, data offset) pairs relative to the table, then the NUL-terminated names, then the items, each
16-byte aligned; an item's length is the distance to the next item. Names stay in the original (sorted) order,
which ICU binary-searches.
"""
import re
import struct
import sys

KEPT_LOCALES = {"root", "en", "en_US", "en_US_POSIX"}
LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*$")
NOT_LOCALES = {"res_index", "pool"}


def keep(name):
    leaf = name.rsplit("/", 1)[-1]
    stem, _, extension = leaf.rpartition(".")
    if extension in ("cnv", "dict"):
        return False
    if extension == "res" and stem not in NOT_LOCALES and LOCALE.match(stem):
        return stem in KEPT_LOCALES
    return True


def main(source, target):
    data = open(source, "rb").read()
    header_size, magic1, magic2 = struct.unpack_from("<HBB", data, 0)
    if (magic1, magic2) != (0xDA, 0x27) or data[12:16] != b"CmnD":
        sys.exit(f"icu-subset.py: {source} is not an ICU common data package")
    toc = header_size
    count = struct.unpack_from("<I", data, toc)[0]
    entries = []
    for index in range(count):
        name_offset, data_offset = struct.unpack_from("<II", data, toc + 4 + 8 * index)
        end = data.index(b"\0", toc + name_offset)
        entries.append((data[toc + name_offset:end], data_offset))
    items = []
    for index, (name, offset) in enumerate(entries):
        end = entries[index + 1][1] if index + 1 < count else len(data) - toc
        items.append((name, data[toc + offset:toc + end]))
    kept = [(name, body) for name, body in items if keep(name.decode())]

    names = b""
    name_offsets = []
    names_start = 4 + 8 * len(kept)
    for name, _ in kept:
        name_offsets.append(names_start + len(names))
        names += name + b"\0"
    position = names_start + len(names)
    position += -(toc + position) % 16
    body = b""
    data_offsets = []
    for _, item in kept:
        data_offsets.append(position + len(body))
        body += item
        body += b"\0" * (-(toc + position + len(body)) % 16)
    table = struct.pack("<I", len(kept))
    for name_offset, data_offset in zip(name_offsets, data_offsets):
        table += struct.pack("<II", name_offset, data_offset)
    table += names
    table += b"\0" * (position - len(table))
    with open(target, "wb") as out:
        out.write(data[:header_size] + table + body)
    total = header_size + len(table) + len(body)
    print(f"icu-subset.py: kept {len(kept)} of {count} items, {total} of {len(data)} bytes", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: icu-subset.py IN.dat OUT.dat")
    main(sys.argv[1], sys.argv[2])
