# An ordinary program of the kind issue 14 lists, run unchanged.
import copy
a = [[1, 2], [3]]
b = copy.deepcopy(a); c = copy.copy(a)
a[0].append(9)
print(b, c, a is c, a[0] is c[0])
class Node:
    def __init__(self, v, nxt=None): self.v, self.nxt = v, nxt
    def __iter__(self):
        n = self
        while n:
            yield n.v
            n = n.nxt
print(list(Node(1, Node(2, Node(3)))), sum(Node(4, Node(5))))
print(vars(Node(7)), getattr(Node(1), "v"), hasattr(Node(1), "w"))
