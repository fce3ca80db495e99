# str(data, encoding[, errors]) decodes bytes as data.decode does, with CPython's refusals.
print(str(b"abc", "utf-8"), str(b"caf\xc3\xa9", encoding="utf-8"), str(bytearray(b"hi"), "ascii"))
print(str(b"a\xffb", "utf-8", "replace"), str(b"a\xffb", "ascii", errors="ignore"), str(b"abc"))
for args in [("abc", "utf-8"), (5, "utf-8")]:
    try:
        str(*args)
    except TypeError as e:
        print("TypeError:", e)
str(b"\xff", "utf-8")
