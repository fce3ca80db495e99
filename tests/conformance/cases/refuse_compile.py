# threadlab-only
# compile() is refused where it is called.
code = compile("1 + 2", "<text>", "eval")
