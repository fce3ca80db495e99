# threadlab-only
# eval() is refused where it is called, naming the feature (CPython prints 3).
print("before")
print(eval("1 + 2"))
