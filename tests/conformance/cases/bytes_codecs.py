# str.encode and bytes.decode with utf-8, ascii and latin-1 and CPython's error handlers; the
# last decode is not caught, so the traceback's last line is compared too.
def attempt(label, f):
    try:
        r = f()
        print(label, "->", r)
    except Exception as e:
        print(label, "!", type(e).__name__ + ":", e)

attempt("ascii enc", lambda: 'aé'.encode('ascii'))
attempt("ascii enc2", lambda: 'aéü☃x'.encode('ascii'))
attempt("latin enc", lambda: 'a€'.encode('latin-1'))
attempt("latin1 enc", lambda: 'a€'.encode('latin1'))
attempt("bad enc", lambda: 'a'.encode('klingon'))
attempt("bad handler", lambda: 'é'.encode('ascii', 'nope'))
attempt("utf8 dec start", lambda: b'a\xffb'.decode())
attempt("utf8 dec cont", lambda: b'\xc3x'.decode())
attempt("utf8 dec cont2", lambda: b'\xe4\xb8x'.decode())
attempt("utf8 dec end", lambda: b'ab\xe4\xb8'.decode())
attempt("utf8 surrogate", lambda: b'\xed\xa0\x80'.decode())
attempt("utf8 overlong", lambda: b'\xc0\x80'.decode())
attempt("ascii dec", lambda: b'ab\xe9'.decode('ascii'))
attempt("dec replace", lambda: b'\xe4\xb8x\xff'.decode('utf-8', 'replace'))
attempt("decode kw", lambda: b'caf\xc3\xa9'.decode(encoding='ascii', errors='replace'))
attempt("encode kw", lambda: 'café'.encode(errors='strict'))
print('caf\xe9'.encode(), b'caf\xc3\xa9'.decode(), bytes('\u20ac', 'utf-8'), 'x\u20acy'.encode('ascii', 'xmlcharrefreplace'))
b'\xe9'.decode('utf-8')
