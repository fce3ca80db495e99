# Reading past the end of a list raises IndexError.
queue = ["job-1", "job-2"]
print(queue[1], queue[-2])
for bad in [2, -3]:
    try:
        print(queue[bad])
    except IndexError as e:
        print("IndexError:", e)
try:
    "abc"[5]
except IndexError as e:
    print("IndexError:", e)
try:
    (1, 2)[9]
except IndexError as e:
    print("IndexError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
print(queue[5:], "slices never raise")

for slot in range(3):
    print("slot", slot, queue[slot])
