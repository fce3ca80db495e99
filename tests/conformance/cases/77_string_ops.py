# String operators: +, *, in, comparison, indexing and len.
bar = "#" * 10 + "." * 5
print("[" + bar + "]", len(bar))
print("-" * 0 == "", "ab" * 3, 2 * "xy")
print("lock" in "deadlock", "Lock" in "deadlock", "" in "abc")
print("abc" == "abc", "abc" != "abd", "a" < "b", "B" < "a", "abc" < "abd")

def progress(done, total, width=20):
    filled = done * width // total
    return "[" + "=" * filled + " " * (width - filled) + "] %3d%%" % (done * 100 // total)

for done in [0, 5, 13, 20]:
    print(progress(done, 20))

name = "worker"
print(name[0].upper() + name[1:], name[-1], name[len(name) // 2])
text = ""
for i in range(5):
    text += str(i)
print(text, int(text) + 1)
print("%s" % name * 2, name + str(1) + str(2.5))
column = "state"
print("|" + column + " " * (10 - len(column)) + "|")
print(str(123)[::-1], "racecar" == "racecar"[::-1])
print("Thread-" + str(3), "a\nb".split("\n"), "snake_case_name".split("_"))
