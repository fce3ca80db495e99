# The json module: dumps (indent, sort_keys, separators, ensure_ascii, default) and loads, with
# CPython's output and its JSONDecodeError messages ("Expecting value: line 1 column 5 (char 4)").
# In Python: a recursive encoder and a recursive-descent decoder.
class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        ValueError.__init__(self, msg + ": line " + str(lineno) + " column " + str(colno) + " (char " + str(pos) + ")")
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _encode_string(s, ensure_ascii):
    out = ['"']
    for ch in s:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or (ensure_ascii and ord(ch) > 0x7E):
            code = ord(ch)
            if code > 0xFFFF:
                code -= 0x10000
                out.append("\\u" + format(0xD800 | (code >> 10), "04x") + "\\u" + format(0xDC00 | (code & 0x3FF), "04x"))
            else:
                out.append("\\u" + format(code, "04x"))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _encode_float(x, allow_nan):
    if x != x or x in (float("inf"), float("-inf")):
        if not allow_nan:
            raise ValueError("Out of range float values are not JSON compliant")
        return "NaN" if x != x else ("Infinity" if x > 0 else "-Infinity")
    return repr(x)


class _Encoder:
    def __init__(self, indent, separators, sort_keys, ensure_ascii, default, skipkeys, allow_nan):
        if isinstance(indent, int) and not isinstance(indent, bool):
            indent = " " * indent
        self.indent = indent
        if separators is None:
            separators = (", ", ": ") if indent is None else (",", ": ")
        self.item_separator, self.key_separator = separators
        self.sort_keys = sort_keys
        self.ensure_ascii = ensure_ascii
        self.default = default
        self.skipkeys = skipkeys
        self.allow_nan = allow_nan
        self.active = []

    # None, bools and numbers: their JSON text (a dict key of these types is written so
    # too), or None for anything else.
    def scalar_text(self, o):
        if o is None:
            return "null"
        if o is True:
            return "true"
        if o is False:
            return "false"
        if isinstance(o, float):
            return _encode_float(o, self.allow_nan)
        if isinstance(o, int):
            return str(o)
        return None

    def key_text(self, key):
        return key if isinstance(key, str) else self.scalar_text(key)

    def enter(self, o):
        for seen in self.active:
            if seen is o:
                raise ValueError("Circular reference detected")
        self.active.append(o)

    def encode(self, o, level):
        if isinstance(o, str):
            return _encode_string(o, self.ensure_ascii)
        text = self.scalar_text(o)
        if text is not None:
            return text
        if isinstance(o, (list, tuple)):
            return self.encode_list(o, level)
        if isinstance(o, dict):
            return self.encode_dict(o, level)
        if self.default is None:
            raise TypeError("Object of type " + type(o).__name__ + " is not JSON serializable")
        self.enter(o)
        text = self.encode(self.default(o), level)
        self.active.pop()
        return text

    def layout(self, parts, opening, closing, level):
        if not parts:
            return opening + closing
        if self.indent is None:
            return opening + self.item_separator.join(parts) + closing
        inner = "\n" + self.indent * (level + 1)
        return opening + inner + (self.item_separator + inner).join(parts) + "\n" + self.indent * level + closing

    def encode_list(self, o, level):
        self.enter(o)
        parts = [self.encode(item, level + 1) for item in o]
        self.active.pop()
        return self.layout(parts, "[", "]", level)

    def encode_dict(self, o, level):
        self.enter(o)
        items = list(o.items())
        if self.sort_keys:
            items = sorted(items, key=lambda kv: kv[0])
        parts = []
        for key, value in items:
            text = self.key_text(key)
            if text is None:
                if self.skipkeys:
                    continue
                raise TypeError("keys must be str, int, float, bool or None, not " + type(key).__name__)
            parts.append(_encode_string(text, self.ensure_ascii) + self.key_separator + self.encode(value, level + 1))
        self.active.pop()
        return self.layout(parts, "{", "}", level)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
          indent=None, separators=None, default=None, sort_keys=False):
    return _Encoder(indent, separators, sort_keys, ensure_ascii, default, skipkeys, allow_nan).encode(obj, 0)


def dump(obj, fp, **kwargs):
    fp.write(dumps(obj, **kwargs))


_WHITESPACE = " \t\n\r"
_CONSTANTS = {"null": None, "true": True, "false": False, "NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf")}


class _Decoder:
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def fail(self, message, pos=None):
        raise JSONDecodeError(message, self.text, self.pos if pos is None else pos)

    def skip(self):
        while self.pos < len(self.text) and self.text[self.pos] in _WHITESPACE:
            self.pos += 1

    def peek(self):
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def value(self):
        self.skip()
        ch = self.peek()
        if ch == "{":
            return self.object()
        if ch == "[":
            return self.array()
        if ch == '"':
            return self.string()
        for word, constant in _CONSTANTS.items():
            if self.text.startswith(word, self.pos):
                self.pos += len(word)
                return constant
        if ch == "-" or ch.isdigit():
            return self.number()
        self.fail("Expecting value")

    def number(self):
        start = self.pos
        if self.peek() == "-":
            self.pos += 1
        if not self.peek().isdigit():
            self.fail("Expecting value", start)
        if self.peek() == "0":
            self.pos += 1
        else:
            while self.peek().isdigit():
                self.pos += 1
        is_float = False
        if self.peek() == "." and self.pos + 1 < len(self.text) and self.text[self.pos + 1].isdigit():
            is_float = True
            self.pos += 1
            while self.peek().isdigit():
                self.pos += 1
        if self.peek() in ("e", "E"):
            save = self.pos
            self.pos += 1
            if self.peek() in ("+", "-"):
                self.pos += 1
            if self.peek().isdigit():
                is_float = True
                while self.peek().isdigit():
                    self.pos += 1
            else:
                self.pos = save
        text = self.text[start:self.pos]
        return float(text) if is_float else int(text)

    def string(self):
        self.pos += 1
        out = []
        while True:
            if self.pos >= len(self.text):
                self.fail("Unterminated string starting at", self.start_of_string)
            ch = self.text[self.pos]
            if ch == '"':
                self.pos += 1
                return "".join(out)
            if ch == "\\":
                escape = self.text[self.pos + 1:self.pos + 2]
                simple = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
                if escape in simple:
                    out.append(simple[escape])
                    self.pos += 2
                elif escape == "u":
                    digits = self.text[self.pos + 2:self.pos + 6]
                    if len(digits) != 4 or any(c not in "0123456789abcdefABCDEF" for c in digits):
                        self.fail("Invalid \\uXXXX escape")
                    code = int(digits, 16)
                    self.pos += 6
                    if 0xD800 <= code < 0xDC00 and self.text[self.pos:self.pos + 2] == "\\u":
                        low = int(self.text[self.pos + 2:self.pos + 6], 16)
                        if 0xDC00 <= low < 0xE000:
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                            self.pos += 6
                    out.append(chr(code))
                else:
                    self.fail("Invalid \\escape")
            elif ord(ch) < 0x20:
                self.fail("Invalid control character at")
            else:
                out.append(ch)
                self.pos += 1

    def array(self):
        self.pos += 1
        items = []
        self.skip()
        if self.peek() == "]":
            self.pos += 1
            return items
        while True:
            items.append(self.value())
            self.skip()
            ch = self.peek()
            self.pos += 1
            if ch == "]":
                return items
            if ch != ",":
                self.fail("Expecting ',' delimiter", self.pos - 1)
            self.skip()
            if self.peek() == "]":
                self.fail("Expecting value")

    def object(self):
        self.pos += 1
        result = {}
        self.skip()
        if self.peek() == "}":
            self.pos += 1
            return result
        while True:
            self.skip()
            if self.peek() != '"':
                self.fail("Expecting property name enclosed in double quotes")
            self.start_of_string = self.pos
            key = self.string()
            self.skip()
            if self.peek() != ":":
                self.fail("Expecting ':' delimiter")
            self.pos += 1
            result[key] = self.value()
            self.skip()
            ch = self.peek()
            self.pos += 1
            if ch == "}":
                return result
            if ch != ",":
                self.fail("Expecting ',' delimiter", self.pos - 1)


def loads(s, **kwargs):
    if not isinstance(s, str):
        raise TypeError("the JSON object must be str, bytes or bytearray, not " + type(s).__name__)
    decoder = _Decoder(s)
    decoder.start_of_string = 0
    value = decoder.value()
    decoder.skip()
    if decoder.pos != len(s):
        decoder.fail("Extra data")
    return value


def load(fp, **kwargs):
    return loads(fp.read(), **kwargs)
