# An ordinary program of the kind issue 14 lists, run unchanged.
students = [("alice", 88, 20), ("bob", 95, 22), ("carol", 88, 19), ("dave", 70, 21)]
print(sorted(students, key=lambda s: s[1], reverse=True))
print(sorted(students, key=lambda s: (-s[1], s[0])))
from operator import itemgetter, attrgetter
print(sorted(students, key=itemgetter(2)))
print(max(students, key=itemgetter(1)), min(students, key=lambda s: s[2]))
words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
