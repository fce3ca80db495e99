"""The differential test's program: thousands of small expressions and statements over ints
(small and past 64 bits), floats, bools and strs -- arithmetic, comparisons, slicing, format(),
f-strings, %-formatting, divmod, **, shifts, round and int(str, base) -- each printed on a line
of its own as its type and repr, or as the exception it raises. Threadlab and CPython 3.11 run
the same program (differential.py) and must print the same lines.

    python3 generate.py [--seed N] [--count N] > program.py

A fixed seed gives the same program on every machine (Python's random module with a seed is
deterministic across platforms).
"""
import argparse
import random

PRELUDE = '''def _show(case):
    try:
        value = case()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print(type(value).__name__, repr(value))
'''


class Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)

    # --- literals -------------------------------------------------------------------------------

    def small_int(self):
        return self.rng.choice([0, 1, -1, 2, -2, 3, 7, -7, 10, 12, 100, -128, 255, 1000, 12345, -99999])

    def big_int(self):
        bits = self.rng.choice([62, 63, 64, 65, 100, 128, 200])
        value = self.rng.getrandbits(bits) | (1 << (bits - 1))
        return -value if self.rng.random() < 0.4 else value

    def int_literal(self):
        roll = self.rng.random()
        if roll < 0.55:
            return str(self.small_int())
        if roll < 0.85:
            return str(self.big_int())
        return self.rng.choice(["2 ** 63", "-(2 ** 63)", "2 ** 64 - 1", "10 ** 20", "-(10 ** 18)", "(1 << 100) + 1"])

    def float_literal(self):
        return self.rng.choice(["0.0", "-0.0", "0.1", "0.5", "1.5", "2.5", "-2.5", "3.75", "-3.75", "1e16", "1e-7",
                                "123456.789", "2.0 ** 70", "1e300", "-1e-300", "float('inf')", "float('-inf')",
                                "float('nan')", "0.30000000000000004", "1/3", "7.0", "-0.5", "9.999"])

    def bool_literal(self):
        return self.rng.choice(["True", "False"])

    def number(self):
        roll = self.rng.random()
        if roll < 0.5:
            return self.int_literal()
        if roll < 0.85:
            return self.float_literal()
        return self.bool_literal()

    def str_literal(self):
        return repr(self.rng.choice(["", "a", "abc", "Hello, World", "  spaced  ", "a,b,,c", "ÄÖü", "mixed Case 42",
                                     "tab\there", "x" * 12, "0123456789", "aaa", "banana", "-42", "3.14", "1_000"]))

    def sequence_literal(self):
        return self.rng.choice(["[1, 2, 3, 4, 5]", "[]", "(1, 'a', 2.5)", "(7,)", "[[1], [2, 3]]", "list(range(10))",
                                "('x', 'y', 'z', 'w')", "[True, 0, -1.5, 'q']", self.str_literal()])

    # --- expressions ----------------------------------------------------------------------------

    def arithmetic(self):
        op = self.rng.choice(["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^"])
        if op in ("<<", ">>"):
            return "%s %s %s" % (self.wrap(self.int_literal()), op, self.rng.choice(["0", "1", "3", "63", "64", "100", "-1", "200"]))
        if op in ("&", "|", "^"):
            return "%s %s %s" % (self.wrap(self.rng.choice([self.int_literal(), self.bool_literal()])), op,
                                 self.wrap(self.rng.choice([self.int_literal(), self.bool_literal()])))
        if op == "**":
            base = self.rng.choice([self.int_literal(), self.float_literal(), str(self.small_int())])
            exponent = self.rng.choice(["0", "1", "2", "3", "5", "10", "-1", "-2", "0.5", "2.0", "64", "100"])
            if exponent == "0.5" and base.startswith("-"):
                exponent = "2.0"  # a negative number to a fractional power is complex, which Threadlab refuses
            return "%s ** %s" % (self.wrap(base), exponent)
        return "%s %s %s" % (self.wrap(self.number()), op, self.wrap(self.number()))

    def wrap(self, text):
        return "(%s)" % text if text.startswith("-") or " " in text else text

    def unary(self):
        op = self.rng.choice(["-", "+", "~", "not ", "abs", "int", "float", "bool", "str", "hash"])
        operand = self.rng.choice([self.number(), self.int_literal()])
        if op == "hash" and "nan" in operand:
            operand = "0.5"  # CPython 3.11 hashes a NaN by its address
        if op in ("abs", "int", "float", "bool", "str", "hash"):
            return "%s(%s)" % (op, operand)
        if op == "~" and "." in operand or "inf" in operand or "nan" in operand:
            operand = self.int_literal()
        return "%s%s" % (op, self.wrap(operand))

    def comparison(self):
        kinds = [self.number, self.number, self.str_literal, self.sequence_literal]
        left = self.rng.choice(kinds)()
        right = self.rng.choice([left, self.rng.choice(kinds)()])
        op = self.rng.choice(["==", "!=", "<", "<=", ">", ">=", "in", "not in", "is None or", "<"])
        if op == "is None or":
            return "%s is None or %s" % (left, right)
        if self.rng.random() < 0.2:
            return "%s < %s < %s" % (self.number(), self.number(), self.number())
        return "%s %s %s" % (left, op, right)

    def divmod_pow_round(self):
        roll = self.rng.random()
        if roll < 0.35:
            return "divmod(%s, %s)" % (self.number(), self.number())
        if roll < 0.55:
            return "pow(%s, %s, %s)" % (self.int_literal(), self.rng.choice(["0", "1", "2", "5", "65", "-1", "100"]),
                                        self.rng.choice(["7", "97", "-13", "1", "0", str(self.big_int()), "2 ** 61 - 1"]))
        if roll < 0.8:
            return "round(%s)" % self.number()
        return "round(%s, %s)" % (self.rng.choice([self.float_literal(), self.int_literal()]),
                                  self.rng.choice(["0", "1", "2", "3", "-1", "-2", "5"]))

    def slicing(self):
        seq = self.sequence_literal()
        index = lambda: self.rng.choice(["", "0", "1", "-1", "2", "-3", "5", "100", "-100"])
        roll = self.rng.random()
        if roll < 0.3:
            return "%s[%s]" % (seq, self.rng.choice(["0", "1", "-1", "3", "-5", "10"]))
        if roll < 0.7:
            return "%s[%s:%s]" % (seq, index(), index())
        step = self.rng.choice(["1", "2", "-1", "-2", "3", "0"])
        return "%s[%s:%s:%s]" % (seq, index(), index(), step)

    def sequence_ops(self):
        seq = self.sequence_literal()
        roll = self.rng.random()
        if roll < 0.3:
            return "%s + %s" % (seq, self.sequence_literal())
        if roll < 0.5:
            return "%s * %s" % (seq, self.rng.choice(["0", "1", "2", "3", "-1", "True"]))
        if roll < 0.7:
            return "len(%s)" % seq
        # reversed() is listed: the repr of the iterator itself shows an address.
        call = self.rng.choice(["sorted(%s)", "list(%s)", "tuple(%s)", "min(%s)", "max(%s)", "sum(%s)", "list(reversed(%s))"])
        return call % self.rng.choice([seq, "[3, 1, 2]", "[2.5, 1, True]", "[10 ** 20, -5, 2 ** 64]"])

    def str_method(self):
        s = self.str_literal()
        call = self.rng.choice([
            "upper()", "lower()", "title()", "capitalize()", "swapcase()", "strip()", "lstrip('a ')", "rstrip()",
            "split()", "split(',')", "split(',', 1)", "rsplit(',', 1)", "replace('a', 'X')", "replace('a', '', 1)",
            "find('a')", "rfind('a')", "index('a')", "count('a')", "startswith('a')", "endswith(('c', 'd'))",
            "center(11, '*')", "ljust(8, '.')", "rjust(8)", "zfill(8)", "isdigit()", "isalpha()", "isspace()",
            "partition(',')", "rpartition(',')", "join(['1', '2'])", "expandtabs(4)", "casefold()", "isupper()",
            "splitlines()", "removeprefix('a')", "removesuffix('c')",
        ])  # (no encode(): bytes come with the language work on bytes, not this test's subset)
        return "%s.%s" % (s, call)

    # --- formatting -----------------------------------------------------------------------------

    def format_spec(self):
        r = self.rng
        spec = ""
        if r.random() < 0.25:
            spec += r.choice(["", "*", "0", "_"]) + r.choice(["<", ">", "^", "="])
        if r.random() < 0.3:
            spec += r.choice(["+", "-", " "])
        if r.random() < 0.15:
            spec += "#"
        if r.random() < 0.15:
            spec += "0"
        if r.random() < 0.5:
            spec += r.choice(["1", "5", "8", "12", "20"])
        if r.random() < 0.2:
            spec += r.choice([",", "_"])
        if r.random() < 0.45:
            spec += "." + r.choice(["0", "1", "2", "3", "6", "10"])
        spec += r.choice(["", "", "d", "b", "o", "x", "X", "e", "E", "f", "F", "g", "G", "%", "s", "c", "n"])
        return spec

    def format_value(self):
        return self.rng.choice([self.number, self.number, self.number, self.str_literal])()

    def formatting(self):
        roll = self.rng.random()
        value = self.format_value()
        if roll < 0.45 or "\\" in value:  # (3.11's f-strings take no backslash in an expression)
            return "format(%s, %r)" % (value, self.format_spec())
        if roll < 0.7:
            conversion = self.rng.choice(["", "", "!r", "!s", "!a"])
            spec = self.format_spec() if not conversion or self.rng.random() < 0.3 else ""
            return "f'{%s%s%s}'" % (value.replace("'", '"'), conversion, ":" + spec if spec else "")
        return self.percent_format()

    def percent_format(self):
        r = self.rng
        flags = r.choice(["", "", "-", "+", " ", "0", "#", "-0"])
        width = r.choice(["", "", "5", "10"])
        precision = r.choice(["", "", ".0", ".2", ".5"])
        kind = r.choice(["d", "i", "s", "r", "f", "e", "g", "x", "X", "o", "c", "%", "a", "u", "E", "G", "F"])
        directive = "%" + flags + width + precision + kind
        if kind == "%":
            return "%r %% ()" % ("[" + directive + "]")
        return "%r %% (%s,)" % ("<" + directive + ">", self.format_value())

    # --- int(str, base) -------------------------------------------------------------------------

    def int_from_str(self):
        r = self.rng
        base = r.choice([0, 2, 8, 10, 16, 36, 3, 7])
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"[: max(base, 10) if base else 10]
        body = "".join(r.choice(digits) for _ in range(r.randint(1, 30)))
        if r.random() < 0.15:
            body = body[:1] + "_" + body[1:]
        prefix = r.choice(["", "", "", "0x", "0o", "0b", "0X"]) if base in (0, 2, 8, 16) else ""
        sign = r.choice(["", "", "-", "+", " "])
        text = sign + prefix + body + r.choice(["", "", " ", "\n"])
        if r.random() < 0.1:
            text = r.choice(["", " ", "_1", "1__0", "0x", "++1", "١٢٣", "0_7", "00", "08"])
        if r.random() < 0.3:
            return "int(%r)" % text
        return "int(%r, %d)" % (text, base)

    def big_int_text(self):
        r = self.rng
        value = r.choice(["2 ** %d" % r.randint(60, 1000), "-(3 ** %d)" % r.randint(40, 500), "7 ** 300 // 11 ** 50",
                          str(self.big_int())])
        return r.choice(["str(%s)", "repr(%s)", "hex(%s)", "oct(%s)", "bin(%s)", "abs(%s)", "len(str(%s))",
                         "(%s).bit_length()", "int(str(%s))", "float(%s)"]) % value

    # --- statements -----------------------------------------------------------------------------

    def statement(self):
        r = self.rng
        templates = [
            lambda: "    x = %s\n    x += %s\n    x *= %s\n    return x" % (self.number(), self.number(), self.number()),
            lambda: "    x = %s\n    x //= %s\n    x %%= %s\n    return x" % (self.int_literal(), self.number(), self.number()),
            lambda: "    x = %s\n    x <<= %s\n    x >>= %s\n    return x" % (self.int_literal(), r.choice(["1", "5", "70"]), r.choice(["2", "64", "0"])),
            lambda: "    a = %s\n    a[%s:%s] = %s\n    return a" % (r.choice(["[1, 2, 3, 4, 5]", "list(range(8))", "[]"]),
                                                            r.choice(["", "1", "-2", "10"]), r.choice(["", "3", "-1"]),
                                                            r.choice(["[9]", "[]", "'ab'", "(7, 8, 9)"])),
            lambda: "    a = %s\n    del a[%s]\n    return a" % (r.choice(["[1, 2, 3, 4, 5]", "list(range(8))"]),
                                                      r.choice(["0", "-1", "1:3", "::2", "10", "::-1"])),
            lambda: "    s = %s\n    s *= %s\n    return s[::%s]" % (self.str_literal(), r.choice(["2", "0", "3"]), r.choice(["-1", "2", "1"])),
            lambda: "    a, *b = %s\n    return a, b" % self.sequence_literal(),
            lambda: "    t = 0\n    for i in range(%s):\n        t = t * %s + i\n    return t" % (r.choice(["5", "30", "0"]), self.int_literal()),
        ]
        return r.choice(templates)()

    # --- the program ----------------------------------------------------------------------------

    def expression(self):
        kinds = [
            (self.arithmetic, 24), (self.unary, 6), (self.comparison, 10), (self.divmod_pow_round, 10),
            (self.slicing, 8), (self.sequence_ops, 5), (self.str_method, 6), (self.formatting, 20),
            (self.int_from_str, 8), (self.big_int_text, 3),
        ]
        total = sum(weight for _, weight in kinds)
        pick = self.rng.uniform(0, total)
        for kind, weight in kinds:
            pick -= weight
            if pick <= 0:
                return kind()
        return kinds[-1][0]()


def cases(seed, count):
    """The cases in order: (description, source). Each source prints one line."""
    gen = Generator(seed)
    out = []
    for i in range(count):
        if gen.rng.random() < 0.08:
            body = gen.statement()
            out.append((body.replace("\n", "; ").strip(), "def _case_%d():\n%s\n_show(_case_%d)\n" % (i, body, i)))
        else:
            expr = gen.expression()
            out.append((expr, "_show(lambda: %s)\n" % expr))
    return out


def program(seed, count):
    return PRELUDE + "".join(source for _, source in cases(seed, count))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--count", type=int, default=3000)
    options = parser.parse_args()
    print(program(options.seed, options.count), end="")


if __name__ == "__main__":
    main()
