# threadlab-only
# memoryview() is refused where it is called.
view = memoryview(b"abc")
