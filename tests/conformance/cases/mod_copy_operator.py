# copy (copy, deepcopy) and operator (functions, itemgetter, attrgetter, methodcaller).
import copy
import operator
from operator import itemgetter, attrgetter, methodcaller

nested = [[1, 2], {"k": [3]}, (4, [5])]
shallow = copy.copy(nested)
deep = copy.deepcopy(nested)
nested[0].append(99)
nested[1]["k"].append(98)
print(shallow, deep, shallow[0] is nested[0], deep[0] is nested[0])
looped = [1]
looped.append(looped)
clone = copy.deepcopy(looped)
print(clone[1] is clone, clone[0])

class Node:
    def __init__(self, value, children):
        self.value = value
        self.children = children
    def __repr__(self):
        return "Node(" + repr(self.value) + ", " + repr(self.children) + ")"
tree = Node(1, [Node(2, [])])
same = copy.copy(tree)
other = copy.deepcopy(tree)
tree.children.append(Node(3, []))
print(same, other, same.children is tree.children, type(other).__name__)

class Custom:
    def __init__(self):
        self.copied = False
    def __copy__(self):
        made = Custom()
        made.copied = True
        return made
print(copy.copy(Custom()).copied, copy.copy(5), copy.copy("s"), copy.deepcopy((1, "a")))

print(operator.add(2, 3), operator.mul("ab", 2), operator.neg(4), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.eq(1, 1.0), operator.lt("a", "b"), operator.not_([]), operator.contains([1, 2], 2), operator.getitem("abc", 1))
print(operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.mod(-7, 3), operator.pow(2, 10), operator.is_(None, None))
rows = [("bob", 30, "b"), ("amy", 25, "a"), ("cat", 30, "c")]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(1, 0)), itemgetter(0, 2)(rows[0]))
print(itemgetter("k")({"k": 7}), list(map(itemgetter(0), rows)))
print(sorted([tree, Node(0, [])], key=attrgetter("value")), attrgetter("value", "children")(Node(5, [])))
print(methodcaller("upper")("abc"), methodcaller("split", ",")("a,b"), methodcaller("replace", "a", maxsplit=1) is not None)
d = {}
operator.setitem(d, "x", 1)
print(d, operator.index(7))
try:
    operator.index(1.5)
except TypeError as e:
    print("TypeError:", e)
