# Searching for long needles that almost match everywhere: every method finds the same places
# as a short search would, and quickly (CPython's search is linear, and so is Threadlab's).
text = "a" * 200_000 + "b" + "a" * 200_000
near = "a" * 5_000 + "b"
far = "b" + "a" * 5_000
print(text.find(near), text.rfind(near), text.find(far), text.rfind(far))
print(text.count(near), text.count("a" * 5_000), near in text, near + "b" in text)
print(text.index(far), text.rindex(near))
print([len(part) for part in text.split(near)], [len(part) for part in text.rsplit(far, 1)])
print([len(part) for part in text.partition(far)], [len(part) for part in text.rpartition(near)])
print(len(text.replace(near, "<>")), len(text.replace("a" * 1_000, "x")))
data = text.encode()
print(data.find(near.encode()), data.rfind(far.encode()), data.count(b"a" * 5_000))
print([len(part) for part in data.split(near.encode())], [len(part) for part in data.rsplit(b"a" * 40, 3)])
pieces = ("ab" * 100_000).rsplit("b")
print(len(pieces), pieces[:3], pieces[-2:])
