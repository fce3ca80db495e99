#!/usr/bin/python3
"""Raw DEFLATE (RFC 1951) of a file at zlib's best level, for data the page inflates at start
(config::inflate_raw): the fonts travel at about 55% of their size.

    deflate_raw.py IN OUT
"""
import pathlib
import sys
import zlib


def main():
    source, out = sys.argv[1:3]
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = pathlib.Path(source).read_bytes()
    pathlib.Path(out).write_bytes(compressor.compress(data) + compressor.flush())


if __name__ == "__main__":
    main()
