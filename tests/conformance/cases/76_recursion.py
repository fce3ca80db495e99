# Recursive functions: a call tree, mutual recursion and a wait-for graph walk.
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print([fib(n) for n in range(12)])

def is_even(n):
    return True if n == 0 else is_odd(n - 1)

def is_odd(n):
    return False if n == 0 else is_even(n - 1)

print(is_even(10), is_odd(7), is_even(3))

def depth(tree):
    if not isinstance(tree, list):
        return 0
    return 1 + max([depth(child) for child in tree] + [0])

print(depth(5), depth([]), depth([1, [2, [3]], []]))

waits_for = {"T1": ["T2"], "T2": ["T3"], "T3": ["T1"], "T4": ["T2"], "T5": []}

def find_cycle(node, path):
    if node in path:
        return path[path.index(node):] + [node]
    for nxt in waits_for[node]:
        cycle = find_cycle(nxt, path + [node])
        if cycle:
            return cycle
    return None

print("deadlock:", " -> ".join(find_cycle("T4", [])))
print("T5 cycle:", find_cycle("T5", []))

def power_set(items):
    if not items:
        return [[]]
    rest = power_set(items[1:])
    return rest + [[items[0]] + r for r in rest]

print(power_set(["a", "b", "c"]))
