# An unclosed bracket is a syntax error even though the expression spans lines.
jobs = ["a", "b"]
print("never printed")

def size(items):
    return len(items)

total = (size(jobs) +
         3
print(total)
if total > 2:
    print("big")
