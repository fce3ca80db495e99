# The errors of bytes and bytearray, each with CPython's exception and message.
def attempt(label, f):
    try:
        r = f()
        print(label, "->", r)
    except Exception as e:
        print(label, "!", type(e).__name__ + ":", e)

attempt("bytes(str)", lambda: bytes("abc"))
attempt("bytes(-1)", lambda: bytes(-1))
attempt("bytes(1.5)", lambda: bytes(1.5))
attempt("bytes([256])", lambda: bytes([1, 256]))
attempt("bytes(['a'])", lambda: bytes(['a']))
attempt("bytes(b, enc)", lambda: bytes(b'x', 'utf-8'))
attempt("bytes(s, bad)", lambda: bytes('x', 'nope'))
attempt("bytearray(str)", lambda: bytearray("abc"))
attempt("bytearray(1.5)", lambda: bytearray(1.5))
attempt("b + s", lambda: b'a' + 'b')
attempt("s + b", lambda: 'a' + b'b')
attempt("b + 1", lambda: b'a' + 1)
attempt("b[5]", lambda: b'abc'[5])
attempt("ba[5]", lambda: bytearray(b'abc')[5])
key = 'x'
attempt("b['x']", lambda: b'abc'[key])
attempt("'s' in b", lambda: 's' in b'abc')
attempt("300 in b", lambda: 300 in b'abc')
attempt("b < s", lambda: b'a' < 'a')
attempt("hash ba", lambda: hash(bytearray(b'x')))
attempt("{ba}", lambda: {bytearray(b'x')})
def setitem(): b = b'abc'; b[0] = 1
attempt("b[0]=1", setitem)
def setitem2(): b = bytearray(b'abc'); b[0] = 256
attempt("ba[0]=256", setitem2)
def setitem3(): b = bytearray(b'abc'); b[0] = 'x'
attempt("ba[0]='x'", setitem3)
def setitem4(): b = bytearray(b'abc'); b[0:1] = 5
attempt("ba[0:1]=5", setitem4)
attempt("pop empty", lambda: bytearray().pop())
attempt("pop idx", lambda: bytearray(b'a').pop(5))
attempt("remove", lambda: bytearray(b'a').remove(98))
attempt("append 300", lambda: bytearray().append(300))
attempt("extend str", lambda: bytearray().extend('ab'))
attempt("fromhex bad", lambda: bytes.fromhex('0g'))
attempt("fromhex odd", lambda: bytes.fromhex('abc'))
attempt("join bad", lambda: b','.join([b'a', 'b']))
attempt("split empty", lambda: b'a'.split(b''))
attempt("split str", lambda: b'a'.split(','))
attempt("find str", lambda: b'a'.find('a'))
attempt("index miss", lambda: b'a'.index(b'z'))
attempt("startswith str", lambda: b'a'.startswith('a'))
attempt("to_bytes over", lambda: (256).to_bytes(1, 'big'))
attempt("to_bytes neg", lambda: (-1).to_bytes(1, 'big'))
attempt("to_bytes order", lambda: (1).to_bytes(1, 'middle'))
attempt("to_bytes signed over", lambda: (128).to_bytes(1, 'big', signed=True))
attempt("to_bytes -128", lambda: (-128).to_bytes(1, 'big', signed=True))
attempt("from_bytes str", lambda: int.from_bytes('ab', 'big'))
attempt("from_bytes empty", lambda: int.from_bytes(b'', 'big', signed=True))
attempt("b * 1.5", lambda: b'a' * 1.5)

