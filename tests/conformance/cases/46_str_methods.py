# String methods used in parsing and formatting: join, split, upper, lower,
# strip, startswith, replace.
line = "  12:00:01: Thread 1: starting  "
clean = line.strip()
print(repr(clean))
print(clean.split(": "))
print(clean.split(":", 1))
print(clean.split())
print("a,b,,c".split(","), "a  b   c".split(), "".split(), "".split(","))
print("x--y--z".split("--"), "one".split(","))
print("-".join(["a", "b", "c"]), "".join(["x", "y"]), ", ".join([]))
print(" | ".join([str(n) for n in [1, 2, 3]]))
print("Thread".upper(), "GIL".lower(), "MiXeD".lower().upper())
print(repr("\t pad \n".strip()), repr("xxhixx".strip("x")), repr("   ".strip()))
print(clean.startswith("12:"), clean.startswith("Thread"), "".startswith(""))
print(clean.startswith(("x", "12")))
print("lock lock lock".replace("lock", "mutex"), "aaa".replace("a", "b", 2))
print("worker-1".replace("-", ""), "no change".replace("zz", "y"))
print("GIL" in "the GIL lock", "gil" in "the GIL lock")

config = "threads=4; cpus=2 ;slice = 10"
settings = {}
for part in config.split(";"):
    key, value = part.split("=")
    settings[key.strip()] = int(value.strip())
print(settings)
