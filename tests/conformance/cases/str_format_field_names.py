# str.format's field names: digits only are an index, digits then letters are a keyword's name.
print("{0} {1}".format("a", "b"))
print("{0a} {1}".format("x", "y", **{"0a": "keyword"}))
for fmt in ("{0a}", "{5444444444444444444444a}", "{99999999999999999999999}"):
    try:
        print(fmt.format("x"))
    except (KeyError, IndexError, ValueError) as e:
        print(type(e).__name__, e)
for make in (lambda: "{a}".format(), lambda: "%(x)s" % {}):
    try:
        make()
    except KeyError as e:
        print("KeyError", str(e), e.args)
# The same inside [...]: digits only are an int key, digits then letters a str key, and digits
# past Py_ssize_t are refused either way.
for fmt in ("{0[5x]}", "{0[7]}", "{0[99999999999999999999x]}", "{0[99999999999999999999]}"):
    try:
        print(fmt.format({"5x": "str key", 7: "int key"}))
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)
