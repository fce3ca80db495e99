# String literals: quotes, escape sequences and their repr.
print('single', "double", '''triple single''', """triple double""")
print("tab:\tend")
print("two\nlines")
print("backslash \\ and quote \" and apostrophe \'")
print('it\'s', "say \"hi\"")
print("\x41\x42\x43", "\u00e9t\u00e9", "caf\xe9")
print(len("a\tb"), len("\n"), len("\\n"))
print(repr("tab\there"), repr("new\nline"), repr("back\\slash"))
print(repr("it's"), repr('say "hi"'), repr("both ' and \""))
print(repr(""), repr("\x00"), repr("\x7f"))
multi = """first line
second line
  indented third"""
print(multi)
print(len(multi.split("\n")))
joined = "adjacent " "literals " 'are joined'
print(joined)
print("a" + "b" * 3 + "c")
