# repr shows a value the way it would be written in source.
print(repr(42), repr(-3.5), repr(1e16), repr(0.1), repr(2.0))
print(repr("plain"), repr("it's"), repr('say "hi"'), repr("both ' \""))
print(repr("line\nbreak\ttab\\"))
print(repr(None), repr(True), repr([]), repr(()), repr({}))
print(repr([1, "two", 3.0, None]))
print(repr((1,)), repr((1, "a")), repr({"k": [1, (2,)]}))
print(repr([[["deep"]]]))
print(str("text"), repr("text"), str(["text"]), repr(["text"]))
print([repr(x) for x in ["a", 1]])
queue = [("job", 1), ("job", 2)]
print("queue is", queue)
print("queue repr is " + repr(queue))
print(repr(repr("x")))
print(repr(-0.0), repr(1 / 3), repr(100.0), repr(1.5e-5))
names = {"main": "T0", "worker": "T1"}
print(names, repr(names) == str(names))
